#include "authoring/junit_report.hpp"

#include <fmt/format.h>

#include <tinyxml2.h>

namespace contra {

std::string junit_xml(const std::vector<NamedSuite>& suites) {
    tinyxml2::XMLDocument doc;
    doc.InsertFirstChild(doc.NewDeclaration());
    tinyxml2::XMLElement* root = doc.NewElement("testsuites");
    doc.InsertEndChild(root);
    for (const NamedSuite& suite : suites) {
        tinyxml2::XMLElement* element = root->InsertNewChildElement("testsuite");
        int failures = 0;
        for (const ScenarioOutcome& outcome : suite.result->outcomes) {
            tinyxml2::XMLElement* testcase = element->InsertNewChildElement("testcase");
            testcase->SetAttribute("classname", suite.name.c_str());
            testcase->SetAttribute("name", outcome.name.c_str());
            testcase->SetAttribute("file", outcome.where.file.c_str());
            testcase->SetAttribute("line", outcome.where.line);
            for (const Mismatch& mismatch : outcome.failures) {
                tinyxml2::XMLElement* failure = testcase->InsertNewChildElement("failure");
                failure->SetAttribute("message", mismatch.describe().c_str());
            }
            failures += outcome.passed() ? 0 : 1;
        }
        const auto& diagnostics = suite.result->diagnostics.items();
        for (const Diagnostic& diagnostic : diagnostics) {
            tinyxml2::XMLElement* error = element->InsertNewChildElement("error");
            error->SetAttribute("message", format_diagnostic(diagnostic).c_str());
        }
        element->SetAttribute("name", suite.name.c_str());
        element->SetAttribute("tests", static_cast<int>(suite.result->outcomes.size()));
        element->SetAttribute("failures", failures);
        element->SetAttribute("errors", static_cast<int>(diagnostics.size()));
    }
    tinyxml2::XMLPrinter printer;
    doc.Print(&printer);
    return printer.CStr();
}

} // namespace contra
