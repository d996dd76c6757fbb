#include "model/evidence.hpp"

#include <array>
#include <utility>

namespace contra {
namespace {

constexpr std::array<std::pair<SourceType, std::string_view>, 8> k_type_names{{
    {SourceType::guideline, "guideline"},
    {SourceType::systematic_review, "systematic_review"},
    {SourceType::peer_reviewed_study, "peer_reviewed_study"},
    {SourceType::professional_guidance, "professional_guidance"},
    {SourceType::textbook, "textbook"},
    {SourceType::practitioner_article, "practitioner_article"},
    {SourceType::seed, "seed"},
    {SourceType::untyped, "untyped"},
}};

void append_part(std::string& text, std::string_view prefix, const std::string& part) {
    if (part.empty()) {
        return;
    }
    if (!text.empty()) {
        text += text.back() == '.' || text.back() == '?' ? " " : ". ";
    }
    text += prefix;
    text += part;
}

} // namespace

std::string_view to_string(SourceType type) {
    for (const auto& [each, name] : k_type_names) {
        if (each == type) {
            return name;
        }
    }
    return "untyped";
}

std::optional<SourceType> source_type_from_string(std::string_view text) {
    for (const auto& [type, name] : k_type_names) {
        if (name == text && type != SourceType::untyped) {
            return type;
        }
    }
    return std::nullopt;
}

std::vector<std::string> source_type_names() {
    std::vector<std::string> names;
    for (const auto& [type, name] : k_type_names) {
        if (type != SourceType::untyped) {
            names.emplace_back(name);
        }
    }
    return names;
}

std::string citation_text(const EvidenceSource& source) {
    std::string text;
    append_part(text, "", source.authors);
    append_part(text, "", source.title);
    append_part(text, "", source.year);
    append_part(text, "", source.section);
    append_part(text, "ISBN ", source.isbn);
    append_part(text, "doi:", source.doi);
    append_part(text, "", source.url);
    return text;
}

} // namespace contra
