#include "input/json_syntax.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace contra {
namespace {

// Accepts every event: only the parser's verdict on the syntax is wanted, not a document tree.
class SyntaxOnly : public nlohmann::json_sax<nlohmann::json> {
  public:
    bool null() override { return true; }
    bool boolean(bool /*value*/) override { return true; }
    bool number_integer(number_integer_t /*value*/) override { return true; }
    bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
    bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
    bool string(string_t& /*value*/) override { return true; }
    bool binary(binary_t& /*value*/) override { return true; }
    bool start_object(std::size_t /*size*/) override { return true; }
    bool key(string_t& /*value*/) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t /*size*/) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position,
                     const std::string& /*last_token*/,
                     const nlohmann::detail::exception& error) override {
        m_position = position;
        m_message = error.what();
        return false;
    }

    [[nodiscard]] std::size_t position() const { return m_position; }
    /// "syntax error while parsing value - unexpected '}'; ...", without nlohmann's prefix and
    /// position (the diagnostic gives its own).
    [[nodiscard]] std::string message() const {
        const std::size_t colon = m_message.find(": ");
        return colon == std::string::npos ? m_message : m_message.substr(colon + 2);
    }

  private:
    std::size_t m_position = 0;
    std::string m_message;
};

// Where the byte at 1-based `position` is (nlohmann counts the bytes read, the failing one
// included), with the line it is on for the caret.
void locate(std::string_view text, std::size_t position, Diagnostic& error) {
    const std::size_t offset = std::min(position == 0 ? 0 : position - 1, text.size());
    const std::string_view before = text.substr(0, offset);
    const std::size_t last_newline = before.rfind('\n');
    const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
    error.where.line = std::count(before.begin(), before.end(), '\n') + 1;
    error.where.column = static_cast<int>(offset - line_start + 1);
    const std::size_t line_end = std::min(text.find('\n', line_start), text.size());
    error.source_line = std::string(text.substr(line_start, line_end - line_start));
    if (!error.source_line.empty() && error.source_line.back() == '\r') {
        error.source_line.pop_back();
    }
}

} // namespace

std::optional<Diagnostic> json_syntax_error(std::string_view text, const std::string& file_name) {
    SyntaxOnly syntax;
    if (nlohmann::json::sax_parse(text.begin(), text.end(), &syntax)) {
        return std::nullopt;
    }
    Diagnostic error;
    error.code = DiagnosticCode::json_syntax;
    error.where.file = file_name;
    locate(text, syntax.position(), error);
    error.message = "invalid JSON: " + syntax.message();
    return error;
}

} // namespace contra
