#include "cli/profile_file.hpp"

#include "cli/error_report.hpp"
#include "cli/exit_codes.hpp"
#include "input/fhir_response.hpp"
#include "input/profile_reader.hpp"
#include "util/file_text.hpp"
#include "util/terminal_text.hpp"

#include <fmt/ostream.h>

namespace contra::cli {

OrError<Profile> read_profile_file(const RulePack& pack,
                                   const std::string& path,
                                   bool fhir,
                                   std::istream& in,
                                   std::ostream& err,
                                   std::optional<std::string>* record_id) {
    const bool from_stdin = path == "-";
    FileText file = from_stdin ? read_stream_text(in, "standard input") : read_file_text(path);
    if (!file.error.empty()) {
        report_error(err, error_code::k_file_read, file.error, from_stdin ? "<stdin>" : path);
        return file.too_large ? ExitCode::bad_profile : ExitCode::no_input;
    }
    std::string name = from_stdin ? "<stdin>" : path;
    const ProfileSyntax syntax = syntax_of_file(name);
    ProfileResult result =
        fhir ? read_fhir_response(pack, std::move(file.text), std::move(name), record_id)
             : read_profile_text(pack, file.text, std::move(name), record_id, syntax);
    if (!result.profile) {
        report_diagnostics(err, result.diagnostics);
        fmt::print(err, "contra: error: the profile is invalid; no verdict was given\n");
        return ExitCode::bad_profile;
    }
    report_diagnostics(err, result.diagnostics); // warnings, if any
    return std::move(*result.profile);
}

} // namespace contra::cli
