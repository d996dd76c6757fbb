#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// What kind of publication a source is (rules/README.md, "Sources"), strongest kind first;
/// `untyped` is a source whose pack gave no type (lint's untyped-source).
enum class SourceType : std::uint8_t {
    guideline,
    systematic_review,
    peer_reviewed_study,
    professional_guidance,
    textbook,
    practitioner_article,
    seed,
    untyped
};

std::string_view to_string(SourceType type);
std::optional<SourceType> source_type_from_string(std::string_view text);
/// The type names a pack may write, in the enum's order (without `untyped`).
std::vector<std::string> source_type_names();

/// One publication the pack cites: enough for a reviewer to find it.
struct EvidenceSource {
    std::string id;
    SourceType type = SourceType::untyped;
    std::string authors; ///< an organisation or the authors
    std::string title;
    std::string year;
    std::string section;
    std::string url;
    std::string isbn;
    std::string doi;
    std::string supports; ///< what the pack takes from it
    friend bool operator==(const EvidenceSource&, const EvidenceSource&) = default;
};

/// "NICE. Varicose veins: diagnosis and management (CG168). 2013. Section 1.2. ISBN ...
/// doi:... https://..." (the parts the source has), for reports and the evidence table.
std::string citation_text(const EvidenceSource& source);

/// A rule's citation of one source of the pack, with what the rule draws on there.
struct Citation {
    std::uint32_t source = 0;
    std::string detail; ///< a section or quotation; may be empty
    friend bool operator==(const Citation&, const Citation&) = default;
};

} // namespace contra
