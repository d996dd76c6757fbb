#include "contra/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace contra {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(DiagnosticCode::count_)>
    k_code_names{"yaml-syntax",
                 "file-read",
                 "unknown-key",
                 "duplicate-key",
                 "missing-key",
                 "wrong-type",
                 "bad-value",
                 "unknown-name",
                 "duplicate-id",
                 "unsupported-yaml",
                 "limit-exceeded",
                 "never-fires",
                 "always-fires",
                 "unused-fact",
                 "unused-site",
                 "empty-text",
                 "duplicate-condition",
                 "one-sided-site",
                 "unused-value"};

} // namespace

std::string_view to_string(DiagnosticCode code) {
    return k_code_names.at(static_cast<std::size_t>(code));
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
    const SourceLocation& where = diagnostic.where;
    std::string text;
    if (where.line > 0) {
        text = fmt::format("{}:{}:{}: ", where.file, where.line, where.column);
    } else if (!where.file.empty()) {
        text = fmt::format("{}: ", where.file);
    }
    text += fmt::format("{}: {} [{}]\n",
                        diagnostic.severity == Severity::error ? "error" : "warning",
                        diagnostic.message,
                        to_string(diagnostic.code));
    if (where.line > 0 && !diagnostic.source_line.empty()) {
        text += fmt::format("  {}\n", diagnostic.source_line);
        // Keep tabs in the indent so the caret lines up under a tab-indented source line.
        std::string indent;
        for (int i = 0;
             i + 1 < where.column && static_cast<std::size_t>(i) < diagnostic.source_line.size();
             ++i) {
            indent += diagnostic.source_line[static_cast<std::size_t>(i)] == '\t' ? '\t' : ' ';
        }
        text += fmt::format("  {}^\n", indent);
    }
    return text;
}

void Diagnostics::add(DiagnosticCode code, SourceLocation where, std::string message) {
    // Filled member by member: g++ 12 at -O3 warns (falsely) on a braced temporary here.
    Diagnostic& diagnostic = m_items.emplace_back();
    diagnostic.code = code;
    diagnostic.where = std::move(where);
    diagnostic.message = std::move(message);
}

bool Diagnostics::has_errors() const {
    return std::any_of(m_items.begin(), m_items.end(), [](const Diagnostic& diagnostic) {
        return diagnostic.severity == Severity::error;
    });
}

std::string Diagnostics::format() const {
    std::string text;
    for (const Diagnostic& diagnostic : m_items) {
        text += format_diagnostic(diagnostic);
    }
    return text;
}

} // namespace contra
