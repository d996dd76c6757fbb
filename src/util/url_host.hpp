#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// The host of an http(s) URL, lowercased ("https://www.NICE.org.uk/x" -> "www.nice.org.uk");
/// empty when `url` is not one.
std::string url_host(std::string_view url);

/// Every http(s) URL written in `text`, each up to the next space or closing bracket.
std::vector<std::string_view> urls_in(std::string_view text);

/// True when `host` is `domain` or a subdomain of it ("www.yumpu.com" is on "yumpu.com").
bool host_is_on(std::string_view host, std::string_view domain);

} // namespace contra
