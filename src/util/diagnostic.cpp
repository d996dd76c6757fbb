#include "util/diagnostic.hpp"

#include "util/terminal_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace contra {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(DiagnosticCode::count)>
    k_code_names{"yaml-syntax",   "file-read",           "unknown-key",    "duplicate-key",
                 "missing-key",   "wrong-type",          "bad-value",      "unknown-name",
                 "duplicate-id",  "unsupported-yaml",    "limit-exceeded", "bad-encoding",
                 "never-fires",   "always-fires",        "unused-fact",    "unused-site",
                 "empty-text",    "duplicate-condition", "one-sided-site", "unused-value",
                 "csv-syntax",    "mixed-screening",     "json-syntax",    "untyped-source",
                 "weak-evidence", "do-not-cite",         "no-shelf-life"};

// A message quotes what it refuses; a quoted value can be up to max-string-length long.
std::string shorten(std::string message) {
    constexpr std::size_t k_max_message = 400;
    if (message.size() <= k_max_message) {
        return message;
    }
    std::size_t cut = k_max_message;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) {
        --cut; // not inside a UTF-8 sequence
    }
    message.resize(cut);
    return message + "... (message shortened)";
}

// A source line as shown under a message: escaped, but its tabs kept for the caret's indent.
std::string snippet_text(std::string_view line) {
    std::string text;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string_view::npos;
         tab = line.find('\t', start)) {
        text += escape_controls(line.substr(start, tab - start)) + '\t';
        start = tab + 1;
    }
    return text + escape_controls(line.substr(start));
}

} // namespace

std::string_view to_string(DiagnosticCode code) {
    return k_code_names.at(static_cast<std::size_t>(code));
}

// Every text from an input (file names, quoted keys and values, the source line) is escaped
// here, where each diagnostic becomes text, so no input reaches a terminal or log raw.
std::string format_diagnostic(const Diagnostic& diagnostic) {
    const SourceLocation& where = diagnostic.where;
    std::string text;
    if (where.line > 0) {
        text = fmt::format("{}:{}:{}: ", escape_controls(where.file), where.line, where.column);
    } else if (!where.file.empty()) {
        text = fmt::format("{}: ", escape_controls(where.file));
    }
    text += fmt::format("{}: {} [{}]\n",
                        diagnostic.severity == Severity::error ? "error" : "warning",
                        escape_controls(diagnostic.message),
                        to_string(diagnostic.code));
    if (where.line > 0 && !diagnostic.source_line.empty()) {
        const std::string_view line = diagnostic.source_line;
        const std::size_t column =
            std::min(line.size(), static_cast<std::size_t>(std::max(where.column - 1, 0)));
        const std::string before = snippet_text(line.substr(0, column));
        text += fmt::format("  {}{}\n", before, snippet_text(line.substr(column)));
        // Keep tabs in the indent so the caret lines up under a tab-indented source line.
        std::string indent;
        for (const char c : before) {
            indent += c == '\t' ? '\t' : ' ';
        }
        text += fmt::format("  {}^\n", indent);
    }
    return text;
}

void Diagnostics::add(Diagnostic diagnostic) {
    if (diagnostic.severity == Severity::error) {
        if (error_limit_reached()) {
            return;
        }
        ++m_errors;
    }
    diagnostic.message = shorten(std::move(diagnostic.message));
    m_items.push_back(std::move(diagnostic));
}

void Diagnostics::add(DiagnosticCode code, SourceLocation where, std::string message) {
    // Filled member by member: g++ 12 at -O3 warns (falsely) on a braced temporary here.
    Diagnostic diagnostic;
    diagnostic.code = code;
    diagnostic.where = std::move(where);
    diagnostic.message = std::move(message);
    add(std::move(diagnostic));
}

void Diagnostics::set_field(std::size_t first, const std::string& field) {
    for (std::size_t i = first; i < m_items.size(); ++i) {
        if (m_items[i].field.empty()) {
            m_items[i].field = field;
        }
    }
}

void Diagnostics::shift_lines(std::int64_t lines) {
    for (Diagnostic& diagnostic : m_items) {
        if (diagnostic.where.line > 0) {
            diagnostic.where.line += lines;
        }
    }
}

void Diagnostics::append(const Diagnostics& other) {
    for (const Diagnostic& diagnostic : other.m_items) {
        add(diagnostic);
    }
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
    if (error_limit_reached()) {
        text += fmt::format("contra stopped reading after {} errors (limit max-errors)\n",
                            k_max_errors);
    }
    return text;
}

} // namespace contra
