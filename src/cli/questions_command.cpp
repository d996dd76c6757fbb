#include "cli/questions_command.hpp"

#include "cli/pack_choice.hpp"
#include "output/fhir_questionnaire.hpp"
#include "output/render_json.hpp"
#include "output/render_listing.hpp"

namespace contra::cli {

void add_questions_options(CLI::App& command, QuestionsOptions& options) {
    command
        .add_option("--format",
                    options.format,
                    "markdown: a printable form; fhir: a FHIR R4 Questionnaire that shows each "
                    "question only when it applies, whose responses 'check --input-format fhir' "
                    "and 'batch --input-format fhir' read (docs/fhir.md); json: a listing")
        ->check(CLI::IsMember({"markdown", "fhir", "json"}))
        ->option_text("markdown|fhir|json (default: markdown)");
    add_pack_options(command, options.rules_dir, options.pack_sha256);
}

Outcome run_questions(const RulePack& pack, const QuestionsOptions& options, std::ostream& out) {
    if (options.format == "fhir") {
        write_json(questionnaire_to_fhir(pack), out);
    } else if (options.format == "json") {
        write_json(facts_to_json(pack), out);
    } else {
        render_questions_markdown(pack, out);
    }
    return Outcome::success();
}

} // namespace contra::cli
