#include "authoring/junit_report.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

TEST(JunitReport, CountsFailuresAndEscapesText) {
    SuiteResult suite;
    ScenarioOutcome passed;
    passed.name = "a <healthy> client & \"friend\"";
    passed.where = {"rules/tests/x.yaml", 3, 5};
    ScenarioOutcome failed;
    failed.name = "R10 fires";
    failed.where = {"rules/tests/x.yaml", 9, 5};
    failed.failures.push_back(Mismatch{"verdict", "do_not_massage", "proceed", {}, {}});
    suite.outcomes = {passed, failed};
    const std::string xml = junit_xml({NamedSuite{"rules/tests/x.yaml", &suite}});
    EXPECT_NE(
        xml.find(R"(<testsuite name="rules/tests/x.yaml" tests="2" failures="1" errors="0">)"),
        std::string::npos)
        << xml;
    EXPECT_NE(xml.find(R"(name="a &lt;healthy&gt; client &amp; &quot;friend&quot;")"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find(R"(<failure message="verdict: expected do_not_massage, got proceed"/>)"),
              std::string::npos)
        << xml;
}

} // namespace
} // namespace contra
