#include "pack/pack_codec.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

TEST(PackCodec, AnEncodedPackDecodesToTheSamePack) {
    const RulePack& pack = testing::test_pack();
    const std::optional<RulePack> decoded = decode_pack(encode_pack(pack));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, pack);
}

TEST(PackCodec, TruncatedOrForeignBytesAreRefused) {
    const std::string bytes = encode_pack(testing::test_pack());
    for (std::size_t size : {std::size_t{0}, std::size_t{5}, bytes.size() / 2, bytes.size() - 1}) {
        EXPECT_FALSE(decode_pack(std::string_view(bytes).substr(0, size))) << size;
    }
    EXPECT_FALSE(decode_pack(bytes + "x"));
    EXPECT_FALSE(decode_pack("pack: {name: x}"));
}

} // namespace
} // namespace contra
