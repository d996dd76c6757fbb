#include "input/fhir_response_header.hpp"

#include "model/questionnaire_links.hpp"
#include "util/suggest.hpp"
#include "yaml/yaml_reader.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

namespace contra {
namespace {

// The version a reference to this pack's Questionnaire names: "" for none; nullopt when it
// names another Questionnaire.
std::optional<std::string> referenced_version(const RulePack& pack, std::string_view reference) {
    const std::string url = questionnaire_url(pack.info);
    if (reference.substr(0, url.size()) != url) {
        return std::nullopt;
    }
    const std::string_view rest = reference.substr(url.size());
    if (rest.empty()) {
        return std::string();
    }
    if ((rest.front() == '|' || rest.front() == ':') && rest.size() > 1) {
        return std::string(rest.substr(1));
    }
    return std::nullopt;
}

} // namespace

bool check_questionnaire(const RulePack& pack,
                         const YamlDocument& doc,
                         const YAML::Node& root,
                         Diagnostics& out) {
    const std::string expected =
        fmt::format("{}|{}", questionnaire_url(pack.info), pack.info.version);
    const auto node = find_child(root, "questionnaire");
    if (!node) {
        out.add(doc.error(DiagnosticCode::missing_key,
                          root.Mark(),
                          fmt::format("the response does not say which questionnaire it answers: "
                                      "expected \"questionnaire\": \"{}\"",
                                      expected)));
        return false;
    }
    const auto reference = read_scalar(doc, *node, "the questionnaire", out);
    if (!reference) {
        return false;
    }
    const auto version = referenced_version(pack, *reference);
    if (!version) {
        out.add(doc.error(DiagnosticCode::bad_value,
                          node->Mark(),
                          fmt::format("this response answers the questionnaire '{}', not this "
                                      "pack's '{}' (contra questions --format fhir)",
                                      *reference,
                                      expected)));
        return false;
    }
    if (!version->empty() && *version != pack.info.version) {
        out.add(doc.error(
            DiagnosticCode::bad_value,
            node->Mark(),
            fmt::format("this response answers version {0} of {1}, but the pack is {2} version "
                        "{3}, whose questions may differ: check it with the pack of version {0} "
                        "(--rules), or ask this version's questions",
                        *version,
                        questionnaire_url(pack.info),
                        pack.info.name,
                        pack.info.version)));
        return false;
    }
    return true;
}

ResponseStatus read_status(const YamlDocument& doc, const YAML::Node& root, Diagnostics& out) {
    const auto node = find_child(root, "status");
    if (!node) {
        out.add(doc.error(DiagnosticCode::missing_key,
                          root.Mark(),
                          "the response has no status: expected \"status\": \"completed\" (or "
                          "amended, in-progress, stopped)"));
        return ResponseStatus::refused;
    }
    const auto status = read_scalar(doc, *node, "the status", out);
    if (!status) {
        return ResponseStatus::refused;
    }
    if (*status == "completed" || *status == "amended") {
        return ResponseStatus::final;
    }
    if (*status == "in-progress" || *status == "stopped") {
        Diagnostic warning =
            doc.error(DiagnosticCode::bad_value,
                      node->Mark(),
                      fmt::format("this response is {}: questions may still be unanswered, so the "
                                  "verdict is at best incomplete",
                                  *status));
        warning.severity = Severity::warning;
        out.add(std::move(warning));
        return ResponseStatus::unfinished;
    }
    if (*status == "entered-in-error") {
        out.add(doc.error(DiagnosticCode::bad_value,
                          node->Mark(),
                          "this response is marked entered-in-error (recorded by mistake); no "
                          "verdict is given from it"));
        return ResponseStatus::refused;
    }
    out.add(doc.error(
        DiagnosticCode::bad_value,
        node->Mark(),
        fmt::format("unknown status '{}'; expected completed, amended, in-progress or stopped{}",
                    *status,
                    did_you_mean(*status, {"completed", "amended", "in-progress", "stopped"}))));
    return ResponseStatus::refused;
}

} // namespace contra
