#pragma once

// What a FHIR QuestionnaireResponse says about itself before its answers: which Questionnaire it
// answers and how final it is (docs/fhir.md, "Which responses are read").

#include "model/rule_pack.hpp"
#include "util/diagnostic.hpp"

#include <yaml-cpp/node/node.h>

namespace contra {

class YamlDocument;

/// How final a response is, from its `status`.
enum class ResponseStatus {
    final,      ///< completed or amended
    unfinished, ///< in-progress or stopped: read, with a warning; never clearer than incomplete
    refused     ///< entered-in-error, missing or unknown: an error was added
};

/// Checks that `questionnaire` names this pack's Questionnaire: `urn:contra:<name>`, with
/// `|<version>` (or, as written before, `:<version>`) of this pack's version or no version at
/// all. Adds a located error and returns false otherwise.
bool check_questionnaire(const RulePack& pack,
                         const YamlDocument& doc,
                         const YAML::Node& root,
                         Diagnostics& out);

/// Reads `status`: an error for entered-in-error, a missing or an unknown status; a warning for
/// in-progress and stopped.
ResponseStatus read_status(const YamlDocument& doc, const YAML::Node& root, Diagnostics& out);

} // namespace contra
