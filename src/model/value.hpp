#pragma once

#include "model/site_set.hpp"

#include <cstdint>

namespace contra {

enum class ValueKind : std::uint8_t {
    unknown, ///< not answered
    choice,  ///< a yes/no or enum answer: `choice` indexes the fact's values
    absent,  ///< an optional enum left unanswered: equal to no value
    number,
    none, ///< a number fact answered "not applicable"
    sites
};

/// One fact's answer. Yes/no facts are choices over {no, yes}.
struct Value {
    ValueKind kind = ValueKind::unknown;
    std::uint8_t choice = 0;
    double number = 0;
    SiteSet sites;

    static Value of_choice(std::uint8_t index) { return {ValueKind::choice, index, 0, {}}; }
    static Value of_number(double number) { return {ValueKind::number, 0, number, {}}; }
    static Value of_none() { return {ValueKind::none, 0, 0, {}}; }
    static Value of_absent() { return {ValueKind::absent, 0, 0, {}}; }
    static Value of_sites(const SiteSet& sites) { return {ValueKind::sites, 0, 0, sites}; }

    [[nodiscard]] bool is_unknown() const { return kind == ValueKind::unknown; }
    friend bool operator==(const Value&, const Value&) = default;
};

} // namespace contra
