// The fact types and condition operators a pack author may write: every name in the tables
// loads, and a misspelt one is refused with the list and a did-you-mean.

#include "pack/condition_operators.hpp"
#include "pack/fact_types.hpp"
#include "pack/pack_loader.hpp"
#include "test_pack.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

namespace contra {
namespace {

using testing::k_test_pack;
using testing::load_test_pack_text;
using testing::test_pack_with;

std::string first_pack_error(const std::string& body) {
    const PackLoadResult result = load_test_pack_text(body);
    EXPECT_FALSE(result.pack.has_value());
    return result.diagnostics.items().empty() ? "(no diagnostic)"
                                              : result.diagnostics.items().front().message;
}

const std::string k_last_fact =
    "  - {id: heart_condition, type: yes_no, question: \"Heart condition?\"}\n";

TEST(FactTypes, EveryTypeInTheTableDeclaresAFact) {
    const std::map<std::string_view, std::string> keys_of{{"yes_no", ""},
                                                          {"enum", ", values: [low, high]"},
                                                          {"number", ", unit: cm, min: 0, max: 9"},
                                                          {"site_list", ""}};
    for (const detail::FactTypeSpec& spec : detail::fact_types()) {
        ASSERT_TRUE(keys_of.count(spec.name)) << "add a case for " << spec.name;
        const std::string fact =
            fmt::format("  - {{id: new_fact, type: {}, question: \"New?\"{}}}\n",
                        spec.name,
                        keys_of.at(spec.name));
        const PackLoadResult result =
            load_test_pack_text(test_pack_with(k_last_fact, k_last_fact + fact));
        ASSERT_TRUE(result.pack) << spec.name << "\n" << result.diagnostics.format();
        const Fact& loaded = result.pack->facts[*result.pack->find_fact("new_fact")];
        EXPECT_EQ(loaded.type, spec.type) << spec.name;
        EXPECT_EQ(to_string(loaded.type), spec.name);
    }
}

TEST(FactTypes, AYesNoFactAnswersNoOrYes) {
    const Fact& fact = testing::test_pack().facts[*testing::test_pack().find_fact("breathless")];
    EXPECT_EQ(fact.values, (std::vector<std::string>{"no", "yes"}));
}

TEST(FactTypes, AnUnknownTypeIsRefusedWithTheListAndADidYouMean) {
    EXPECT_EQ(first_pack_error(
                  test_pack_with("heart_condition, type: yes_no", "heart_condition, type: yesno")),
              "unknown fact type 'yesno' (expected one of: yes_no, enum, number, site_list); did "
              "you mean 'yes_no'?");
}

TEST(FactTypes, AKeyOfAnotherTypeIsRefusedAtTheKey) {
    EXPECT_EQ(
        first_pack_error(test_pack_with("type: yes_no, question: \"Heart condition?\"",
                                        "type: yes_no, unit: cm, question: \"Heart condition?\"")),
        "'unit' applies only to number facts, and 'heart_condition' is yes_no");
    EXPECT_EQ(first_pack_error(test_pack_with("type: number, unit: years,",
                                              "type: number, values: [a], unit: years,")),
              "'values' applies only to enum facts, and 'age_years' is number");
}

TEST(FactTypes, EachTypeRequiresItsOwnKeys) {
    EXPECT_EQ(first_pack_error(
                  test_pack_with("type: enum, values: [none, one_leg, both_legs],", "type: enum,")),
              "fact 'swelling' has no 'values'");
    EXPECT_EQ(first_pack_error(test_pack_with("unit: years, min: 16,", "min: 16,")),
              "fact 'age_years' has no 'unit'");
}

// A fact of each type a condition can test, and a value (or list) of it.
struct Tested {
    std::string fact;
    FactType type;
    std::string one;
    std::string list;
};

const std::vector<Tested> k_tested{{"breathless", FactType::yes_no, "\"yes\"", "[\"yes\"]"},
                                   {"swelling", FactType::enumeration, "one_leg", "[one_leg]"},
                                   {"age_years", FactType::number, "40", "[40]"}};

TEST(ConditionOperators, EveryOperatorTestsTheFactTypesItNamesAndNoOthers) {
    const std::string rule_condition = "when: {fact: breathless, eq: \"yes\"}";
    for (const detail::ConditionOperator& op : detail::condition_operators()) {
        for (const Tested& tested : k_tested) {
            const std::string value =
                op.operands == detail::Operands::one ? tested.one : tested.list;
            const std::string body = test_pack_with(
                rule_condition,
                fmt::format("when: {{fact: {}, {}: {}}}", tested.fact, op.name, value));
            const PackLoadResult result = load_test_pack_text(body);
            if (!detail::applies_to(op, tested.type)) {
                ASSERT_FALSE(result.pack) << op.name << " on " << tested.fact;
                EXPECT_NE(result.diagnostics.items().front().message.find(
                              fmt::format(", not '{}'", op.name)),
                          std::string::npos)
                    << result.diagnostics.format();
                continue;
            }
            ASSERT_TRUE(result.pack) << op.name << " on " << tested.fact << "\n"
                                     << result.diagnostics.format();
            const Condition& condition =
                result.pack->conditions[result.pack->rules.front().condition];
            if (tested.type == FactType::number) {
                EXPECT_EQ(condition.kind, ConditionKind::number_compare);
                EXPECT_EQ(condition.op, *op.on_numbers) << op.name;
            } else {
                EXPECT_EQ(condition.kind, ConditionKind::choice_in);
                EXPECT_EQ(condition.negate, op.negate) << op.name;
            }
        }
    }
}

TEST(ConditionOperators, AWrongOperatorNamesTheOnesThatFit) {
    EXPECT_EQ(first_pack_error(test_pack_with("{fact: breathless, eq: \"yes\"}",
                                              "{fact: breathless, lt: \"yes\"}")),
              "'breathless' is yes_no; test it with eq, ne, in or not_in, not 'lt'");
    EXPECT_EQ(first_pack_error(test_pack_with("{fact: weeks_since_surgery, lte: 12}",
                                              "{fact: weeks_since_surgery, in: [12]}")),
              "'weeks_since_surgery' is a number; compare it with eq, ne, lt, lte, gt or gte, not "
              "'in'");
    EXPECT_EQ(first_pack_error(test_pack_with("{fact: breathless, eq: \"yes\"}",
                                              "{fact: breathless, eq: \"yes\", ne: \"no\"}")),
              "a fact test has exactly one of: eq, ne, in, not_in, lt, lte, gt, gte");
}

TEST(ConditionOperators, AMisspeltOperatorGetsADidYouMean) {
    EXPECT_NE(first_pack_error(test_pack_with("{fact: breathless, eq: \"yes\"}",
                                              "{fact: breathless, eqq: \"yes\"}"))
                  .find("did you mean 'eq'?"),
              std::string::npos);
}

} // namespace
} // namespace contra
