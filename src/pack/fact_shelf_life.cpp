#include "pack/fact_types.hpp"
#include "util/suggest.hpp"

#include <fmt/format.h>

#include <cmath>

namespace contra::detail {
namespace {

// The longest `{days: N}`: ten years; anything longer is `always`.
constexpr double k_max_valid_days = 3650;

void read_valid_days(FactKeys& keys, const KeyValue& valid_for) {
    Fields fields(keys.doc, valid_for.value, "'valid_for'", {"days"}, keys.out);
    if (!fields.ok()) {
        return;
    }
    const KeyValue* days = fields.require("days");
    if (days == nullptr) {
        return;
    }
    const auto number = read_number(keys.doc, *days, keys.out);
    if (!number) {
        return;
    }
    if (*number < 1 || *number > k_max_valid_days || std::floor(*number) != *number) {
        keys.out.add(keys.doc.error(DiagnosticCode::bad_value,
                                    days->value.Mark(),
                                    fmt::format("'days' must be a whole number from 1 to {}, got "
                                                "'{}'",
                                                k_max_valid_days,
                                                days->value.Scalar())));
        return;
    }
    keys.fact.valid_for = ValidFor::days;
    keys.fact.valid_days = static_cast<std::uint32_t>(*number);
}

} // namespace

void read_shelf_life(FactKeys& keys) {
    const KeyValue* valid_for = keys.fields.find("valid_for");
    if (valid_for == nullptr) {
        return;
    }
    if (!valid_for->value.IsScalar()) {
        read_valid_days(keys, *valid_for);
        return;
    }
    const std::string kind = read_scalar(keys.doc, *valid_for, keys.out).value_or("");
    if (kind == "visit") {
        keys.fact.valid_for = ValidFor::visit;
    } else if (kind == "always") {
        keys.fact.valid_for = ValidFor::always;
    } else if (!kind.empty()) {
        keys.out.add(keys.doc.error(DiagnosticCode::bad_value,
                                    valid_for->value.Mark(),
                                    fmt::format("'valid_for' must be visit, always or {{days: N}}, "
                                                "got '{}'{}",
                                                kind,
                                                did_you_mean(kind, {"visit", "always"}))));
    }
}

void read_ages(FactKeys& keys, const KeyValue* entry) {
    if (entry == nullptr) {
        return;
    }
    const std::string unit = read_scalar(keys.doc, *entry, keys.out).value_or("");
    if (unit == "weeks") {
        keys.fact.ages = Ages::weeks;
    } else if (unit == "years") {
        keys.fact.ages = Ages::years;
    } else if (!unit.empty()) {
        keys.out.add(keys.doc.error(DiagnosticCode::bad_value,
                                    entry->value.Mark(),
                                    fmt::format("'ages' must be weeks or years, got '{}'{}",
                                                unit,
                                                did_you_mean(unit, {"weeks", "years"}))));
    }
}

} // namespace contra::detail
