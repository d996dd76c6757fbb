#pragma once

#include "authoring/scenario.hpp"

#include <string>
#include <vector>

namespace contra {

/// A suite's results under its display name, for the JUnit report.
struct NamedSuite {
    std::string name;
    const SuiteResult* result = nullptr;
};

/// JUnit XML for CI systems: one <testsuite> per suite file, one <testcase> per scenario, a
/// <failure> for each expectation it missed and an <error> for each problem in the suite file.
std::string junit_xml(const std::vector<NamedSuite>& suites);

} // namespace contra
