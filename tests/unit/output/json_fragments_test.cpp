#include "output/json_fragments.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace contra {
namespace {

std::string list_of(const JsonFragments& fragments, const std::vector<std::size_t>& indexes) {
    std::string out = "{\"list\":";
    fragments.append_list(
        indexes, [](std::size_t index) { return index; }, out);
    out += '}';
    return out;
}

TEST(JsonFragments, JoinsTheFragmentsInTheItemsOrderWithinBrackets) {
    JsonFragments fragments;
    fragments.add(R"({"fact":"a"})");
    fragments.add(R"({"fact":"b"})");
    fragments.add("3");
    EXPECT_EQ(list_of(fragments, {}), R"({"list":[]})");
    EXPECT_EQ(list_of(fragments, {1}), R"({"list":[{"fact":"b"}]})");
    EXPECT_EQ(list_of(fragments, {2, 0, 2, 1}), R"({"list":[3,{"fact":"a"},3,{"fact":"b"}]})");
}

// A fragment is copied as a whole slot of fixed size; one longer than a slot (a pack may have a
// long fact id) must come out whole too, beside short ones, with nothing of a slot's padding.
TEST(JsonFragments, AFragmentLongerThanASlotComesOutWhole) {
    const std::string long_id(1000, 'x');
    JsonFragments fragments;
    fragments.add("1");
    fragments.add("\"" + long_id + "\"");
    fragments.add("2");
    EXPECT_EQ(list_of(fragments, {0, 1, 2, 1}),
              "{\"list\":[1,\"" + long_id + "\",2,\"" + long_id + "\"]}");
    EXPECT_EQ(list_of(fragments, std::vector<std::size_t>(50, 2)).size(),
              std::string("{\"list\":[]}").size() + 50 * 2 - 1);
}

} // namespace
} // namespace contra
