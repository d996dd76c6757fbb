#include "util/url_host.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace contra {
namespace {

constexpr std::array<std::string_view, 2> k_schemes{"https://", "http://"};

char lowercase_ascii_char(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

} // namespace

std::string url_host(std::string_view url) {
    for (std::string_view scheme : k_schemes) {
        if (url.size() > scheme.size() &&
            std::equal(scheme.begin(), scheme.end(), url.begin(), [](char a, char b) {
                return a == lowercase_ascii_char(b);
            })) {
            std::string_view rest = url.substr(scheme.size());
            rest = rest.substr(0, rest.find_first_of("/:?#"));
            std::string host(rest);
            std::transform(host.begin(), host.end(), host.begin(), lowercase_ascii_char);
            return host;
        }
    }
    return {};
}

std::vector<std::string_view> urls_in(std::string_view text) {
    std::vector<std::string_view> urls;
    std::size_t from = 0;
    while (from < text.size()) {
        std::size_t start = std::string_view::npos;
        for (std::string_view scheme : k_schemes) {
            start = std::min(start, text.find(scheme, from));
        }
        if (start == std::string_view::npos) {
            break;
        }
        const std::size_t end = std::min(text.find_first_of(" \t\n)>]", start), text.size());
        urls.push_back(text.substr(start, end - start));
        from = end;
    }
    return urls;
}

bool host_is_on(std::string_view host, std::string_view domain) {
    if (domain.empty() || host.size() < domain.size()) {
        return false;
    }
    if (host.size() == domain.size()) {
        return std::equal(host.begin(), host.end(), domain.begin(), [](char a, char b) {
            return a == lowercase_ascii_char(b);
        });
    }
    const std::string_view tail = host.substr(host.size() - domain.size());
    return host[host.size() - domain.size() - 1] == '.' &&
           std::equal(tail.begin(), tail.end(), domain.begin(), [](char a, char b) {
               return a == lowercase_ascii_char(b);
           });
}

} // namespace contra
