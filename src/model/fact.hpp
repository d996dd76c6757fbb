#pragma once

#include "model/value.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace contra {

enum class FactType : std::uint8_t { yes_no, enumeration, number, site_list };

/// The choice indexes of a yes/no fact.
inline constexpr std::uint8_t k_no = 0;
inline constexpr std::uint8_t k_yes = 1;
/// The most values an enum fact may have (choice sets are 64-bit masks).
inline constexpr std::size_t k_max_choices = 64;

/// How long an answer stays true (rules/README.md, "Shelf life"). `unset` is a pack that does
/// not say: the answer is kept like `always`, and lint warns.
enum class ValidFor : std::uint8_t { unset, visit, days, always };

/// How a number answer changes with time instead of expiring: it counts weeks or years since an
/// event (or birth), and grows by the time elapsed since it was given.
enum class Ages : std::uint8_t { none, weeks, years };

/// What an unanswered question means (rules/README.md, "Unknown answers").
enum class UnknownPolicy : std::uint8_t { required, optional, assume, required_when };

/// One question of the pack's vocabulary.
struct Fact {
    std::string id;
    FactType type = FactType::yes_no;
    ValidFor valid_for = ValidFor::unset; ///< how long an answer holds
    Ages ages = Ages::none;               ///< number facts only
    std::uint32_t valid_days = 0;         ///< with ValidFor::days
    std::vector<std::string> values;      ///< choice names; {"no", "yes"} for yes/no facts
    std::string unit;
    double min = 0;
    double max = 0;
    bool allow_none = false;
    std::string question;
    std::string why;
    UnknownPolicy unknown = UnknownPolicy::required;
    Value assumed; ///< with UnknownPolicy::assume, or with `assume_when`
    /// Condition index + 1: the assumption holds only while this condition is true (a required
    /// or required_when fact); 0 for none.
    std::uint32_t assume_when = 0;
    std::string assumption_note;     ///< wording of the assumption for people, may be empty
    std::uint32_t required_when = 0; ///< condition index, with UnknownPolicy::required_when
    bool informational = false;      ///< recorded for the practitioner; no rule needs to use it
    bool requires_sites = false; ///< the treatment area: an empty answer leaves nothing to treat
    std::uint64_t benign = 0;    ///< enum values declared to call for no rule (lint)

    friend bool operator==(const Fact&, const Fact&) = default;
};

std::string_view to_string(FactType type);
std::string_view to_string(Ages ages);

/// How long an answer to `fact` holds, for people: "this visit", "28 days", "always", with
/// "(ages in weeks)" for a number that ages; "not declared" for ValidFor::unset.
std::string describe_shelf_life(const Fact& fact);

/// A short digest of the question as a client sees it (its text, type, values or range): an
/// answer saved under another digest was given to another question, and is asked again.
std::string question_digest(const Fact& fact);

} // namespace contra
