#include "cli/error_report.hpp"

#include "util/terminal_text.hpp"

#include <fmt/ostream.h>

#include <ostream>

namespace contra::cli {
namespace {

// The slot of each stream's extensible array that points to its attached report.
int report_slot() {
    static const int slot = std::ios_base::xalloc();
    return slot;
}

nlohmann::ordered_json nullable(std::string_view text) {
    return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

} // namespace

ErrorReport::ErrorReport(std::ostream& err) : m_err(err) {
    m_err.pword(report_slot()) = this;
}

ErrorReport::~ErrorReport() {
    m_err.pword(report_slot()) = nullptr;
}

ErrorReport* ErrorReport::of(std::ostream& err) {
    return static_cast<ErrorReport*>(err.pword(report_slot()));
}

nlohmann::ordered_json ErrorReport::to_json(int exit_code) const {
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const ReportedError& error : m_errors) {
        errors.push_back({{"code", error.code},
                          {"field", nullable(error.field)},
                          {"message", error.message},
                          {"file", nullable(error.file)},
                          {"line", error.line},
                          {"column", error.column}});
    }
    return {{"errors", std::move(errors)}, {"exit_code", exit_code}};
}

void report_error(std::ostream& err,
                  std::string_view code,
                  const std::string& message,
                  const std::string& file) {
    fmt::print(err, "contra: error: {}\n", escape_controls(message));
    if (ErrorReport* report = ErrorReport::of(err)) {
        report->add({std::string(code), message, file, 0, 0, {}});
    }
}

void report_diagnostics(std::ostream& err, const Diagnostics& diagnostics) {
    fmt::print(err, "{}", diagnostics.format());
    ErrorReport* report = ErrorReport::of(err);
    if (report == nullptr) {
        return;
    }
    for (const Diagnostic& diagnostic : diagnostics.items()) {
        if (diagnostic.severity == Severity::error) {
            report->add({std::string(to_string(diagnostic.code)),
                         diagnostic.message,
                         diagnostic.where.file,
                         diagnostic.where.line,
                         diagnostic.where.column,
                         diagnostic.field});
        }
    }
}

} // namespace contra::cli
