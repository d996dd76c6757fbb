#include "util/url_host.hpp"

#include "util/text_parse.hpp"

#include <algorithm>
#include <array>

namespace contra {
namespace {

constexpr std::array<std::string_view, 2> k_schemes{"https://", "http://"};

} // namespace

std::string url_host(std::string_view url) {
    const std::string start = ascii_lowercase(url.substr(0, k_schemes[0].size()));
    for (std::string_view scheme : k_schemes) {
        if (url.size() > scheme.size() && start.starts_with(scheme)) {
            std::string_view rest = url.substr(scheme.size());
            return ascii_lowercase(rest.substr(0, rest.find_first_of("/:?#")));
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
    const std::string lower_domain = ascii_lowercase(domain);
    if (lower_domain.empty() || !host.ends_with(lower_domain)) {
        return false;
    }
    return host.size() == lower_domain.size() || host[host.size() - lower_domain.size() - 1] == '.';
}

} // namespace contra
