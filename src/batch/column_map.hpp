#pragma once

#include "model/rule_pack.hpp"
#include "util/diagnostic.hpp"

#include <map>
#include <optional>
#include <string>

namespace contra {

/// How a form's CSV export maps onto the pack (`contra batch --columns FILE`): header text to
/// fact id (or `id`, the record's identifier), and per column the form's answer texts to values.
///
///     columns:
///       "Client number": id
///       "Does one leg feel warmer than the other?": leg_warmth
///       "Swollen legs?":
///         fact: leg_swelling
///         answers: {"Yes, left leg": left_leg, "No": none}
struct ColumnMapping {
    std::string fact; ///< a fact id of the pack, or `id`
    std::map<std::string, std::string, std::less<>> answers;
};

struct ColumnMap {
    std::map<std::string, ColumnMapping, std::less<>> columns; ///< by header text
};

/// Reads a column map; unknown fact ids and malformed entries are located errors in `out`.
std::optional<ColumnMap>
read_column_map(const RulePack& pack, std::string text, std::string file_name, Diagnostics& out);

} // namespace contra
