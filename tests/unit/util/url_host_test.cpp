#include "util/url_host.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

TEST(UrlHost, TheHostIsLowercasedWithoutPortOrPath) {
    EXPECT_EQ(url_host("https://www.NICE.org.uk/guidance/ng158"), "www.nice.org.uk");
    EXPECT_EQ(url_host("HTTP://readbag.com:8080/x?y"), "readbag.com");
    EXPECT_EQ(url_host("ftp://example.com/"), "");
    EXPECT_EQ(url_host("readbag.com/page"), "");
}

TEST(UrlHost, UrlsAreFoundInFreeText) {
    const auto urls = urls_in("Walton (https://pubhtml5.com/a/b) and http://x.org/y, see");
    ASSERT_EQ(urls.size(), 2U);
    EXPECT_EQ(urls[0], "https://pubhtml5.com/a/b");
    EXPECT_EQ(urls[1], "http://x.org/y,");
}

TEST(UrlHost, ADomainCoversItsSubdomainsOnly) {
    EXPECT_TRUE(host_is_on("www.yumpu.com", "yumpu.com"));
    EXPECT_TRUE(host_is_on("yumpu.com", "YUMPU.com"));
    EXPECT_FALSE(host_is_on("notyumpu.com", "yumpu.com"));
    EXPECT_FALSE(host_is_on("yumpu.com.evil", "yumpu.com"));
    EXPECT_FALSE(host_is_on("", "yumpu.com"));
}

} // namespace
} // namespace contra
