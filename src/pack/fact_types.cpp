#include "pack/fact_types.hpp"

#include "util/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace contra::detail {
namespace {

// Enum values keep the case of their source ("C4a" in CEAP).
bool is_value_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
}

void add_enum_value(FactKeys& keys, const std::string& value, const YAML::Mark& mark) {
    std::vector<std::string>& values = keys.fact.values;
    if (!is_value_id(value) || value == "unknown") {
        keys.out.add(keys.doc.error(DiagnosticCode::bad_value,
                                    mark,
                                    fmt::format("'{}' cannot be an enum value (letters, "
                                                "digits and '_', not unknown)",
                                                value)));
    } else if (std::find(values.begin(), values.end(), value) != values.end()) {
        keys.out.add(keys.doc.error(
            DiagnosticCode::duplicate_id, mark, fmt::format("value '{}' is listed twice", value)));
    } else {
        values.push_back(value);
    }
}

void read_enum_values(FactKeys& keys, const KeyValue* entry) {
    if (entry == nullptr) {
        keys.fields.require("values");
        return;
    }
    auto items = read_scalar_list(keys.doc, *entry, keys.out);
    for (const auto& [value, mark] : items.value_or(decltype(items)::value_type{})) {
        add_enum_value(keys, value, mark);
    }
    if (keys.fact.values.size() > k_max_choices) {
        keys.out.add(
            keys.doc.error(DiagnosticCode::limit_exceeded,
                           entry->value.Mark(),
                           fmt::format("an enum may have at most {} values", k_max_choices)));
    }
}

void read_benign_values(FactKeys& keys, const KeyValue* entry) {
    if (entry == nullptr) {
        return;
    }
    const std::vector<std::string>& values = keys.fact.values;
    auto items = read_scalar_list(keys.doc, *entry, keys.out);
    for (const auto& [value, mark] : items.value_or(decltype(items)::value_type{})) {
        const auto found = std::find(values.begin(), values.end(), value);
        if (found == values.end()) {
            keys.out.add(keys.doc.error(DiagnosticCode::unknown_name,
                                        mark,
                                        fmt::format("'{}' is not a value of '{}'{}",
                                                    value,
                                                    keys.fact.id,
                                                    did_you_mean(value, values))));
        } else {
            keys.fact.benign |= std::uint64_t{1} << (found - values.begin());
        }
    }
}

void read_unit(FactKeys& keys, const KeyValue* entry) {
    if (entry != nullptr) {
        keys.fact.unit = read_scalar(keys.doc, *entry, keys.out).value_or("");
    }
}

void read_allow_none(FactKeys& keys, const KeyValue* entry) {
    if (entry != nullptr) {
        keys.fact.allow_none = read_bool(keys.doc, *entry, keys.out).value_or(false);
    }
}

// `min` and `max` are read together once every key is known (check_number_range).
void read_later(FactKeys&, const KeyValue*) {}

void check_number_range(FactKeys& keys) {
    keys.fields.require("unit");
    keys.fields.require("min");
    keys.fields.require("max");
    const KeyValue* min = keys.fields.find("min");
    const KeyValue* max = keys.fields.find("max");
    if (min == nullptr || max == nullptr) {
        return;
    }
    keys.fact.min = read_number(keys.doc, *min, keys.out).value_or(0);
    keys.fact.max = read_number(keys.doc, *max, keys.out).value_or(0);
    if (keys.fact.min > keys.fact.max) {
        keys.out.add(keys.doc.error(DiagnosticCode::bad_value,
                                    max->value.Mark(),
                                    fmt::format("'max' of '{}' is below its 'min'", keys.fact.id)));
    }
}

/// A key that only facts of one type take, and how it is read (with nullptr when absent).
struct TypedKey {
    std::string_view key;
    FactType owner;
    void (*read)(FactKeys&, const KeyValue*);
};

// In the order they are read, which is the order of their messages.
const std::array<TypedKey, 7> k_typed_keys{{{"values", FactType::enumeration, read_enum_values},
                                            {"unit", FactType::number, read_unit},
                                            {"min", FactType::number, read_later},
                                            {"max", FactType::number, read_later},
                                            {"allow_none", FactType::number, read_allow_none},
                                            {"benign", FactType::enumeration, read_benign_values},
                                            {"ages", FactType::number, read_ages}}};

const FactTypeSpec* find_fact_type(std::string_view name) {
    const auto& types = fact_types();
    const auto found = std::find_if(
        types.begin(), types.end(), [&](const FactTypeSpec& spec) { return spec.name == name; });
    return found == types.end() ? nullptr : &*found;
}

const FactTypeSpec& spec_of(FactType type) {
    const auto& types = fact_types();
    return *std::find_if(
        types.begin(), types.end(), [&](const FactTypeSpec& spec) { return spec.type == type; });
}

} // namespace

const std::vector<FactTypeSpec>& fact_types() {
    static const std::vector<FactTypeSpec> k_types{
        {"yes_no", FactType::yes_no, {"no", "yes"}, nullptr},
        {"enum", FactType::enumeration, {}, nullptr},
        {"number", FactType::number, {}, check_number_range},
        {"site_list", FactType::site_list, {}, nullptr}};
    return k_types;
}

void read_fact_type(FactKeys& keys, const KeyValue& entry) {
    const std::string name = read_scalar(keys.doc, entry, keys.out).value_or("");
    if (const FactTypeSpec* spec = find_fact_type(name)) {
        keys.fact.type = spec->type;
        keys.fact.values = spec->values;
        return;
    }
    if (name.empty()) {
        return;
    }
    std::vector<std::string> names;
    for (const FactTypeSpec& spec : fact_types()) {
        names.emplace_back(spec.name);
    }
    keys.out.add(keys.doc.error(DiagnosticCode::bad_value,
                                entry.value.Mark(),
                                fmt::format("unknown fact type '{}' (expected one of: {}){}",
                                            name,
                                            fmt::join(names, ", "),
                                            did_you_mean(name, names))));
}

void read_fact_type_keys(FactKeys& keys) {
    const Fact& fact = keys.fact;
    for (const TypedKey& typed : k_typed_keys) {
        const KeyValue* entry = keys.fields.find(typed.key);
        if (fact.type == typed.owner) {
            typed.read(keys, entry);
        } else if (entry != nullptr) {
            keys.out.add(keys.doc.error(DiagnosticCode::unknown_key,
                                        entry->key_mark,
                                        fmt::format("'{}' applies only to {} facts, and '{}' is {}",
                                                    typed.key,
                                                    to_string(typed.owner),
                                                    fact.id,
                                                    to_string(fact.type))));
        }
    }
    if (const auto check = spec_of(fact.type).check) {
        check(keys);
    }
}

} // namespace contra::detail
