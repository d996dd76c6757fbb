#pragma once

// Internal to the pack loader: the fact types a pack may declare and the keys each one takes.

#include "model/fact.hpp"
#include "util/diagnostic.hpp"
#include "yaml/yaml_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

/// What a fact of one type reads while its keys are read.
struct FactKeys {
    const YamlDocument& doc;
    Fields& fields;
    Fact& fact;
    Diagnostics& out;
};

/// A fact type as a pack names it (`type: enum`).
struct FactTypeSpec {
    std::string_view name;
    FactType type;
    std::vector<std::string> values; ///< the choices every fact of the type has (yes_no)
    void (*check)(FactKeys&);        ///< run after its keys are read; may be null
};

/// Every fact type, in the order messages list them.
const std::vector<FactTypeSpec>& fact_types();

/// Sets the type of `keys.fact` from `entry` (`type: ...`); an unknown name is an error with a
/// did-you-mean, and leaves the fact a yes_no one without values.
void read_fact_type(FactKeys& keys, const KeyValue& entry);

/// Reads the keys that belong to one fact type (`values`, `unit` ...) for the fact's type; a key
/// of another type is an error at the key.
void read_fact_type_keys(FactKeys& keys);

/// Reads `valid_for: visit | always | {days: N}` into the fact (fact_shelf_life.cpp).
void read_shelf_life(FactKeys& keys);

/// Reads `ages: weeks | years` of a number fact (fact_shelf_life.cpp).
void read_ages(FactKeys& keys, const KeyValue* entry);

} // namespace contra::detail
