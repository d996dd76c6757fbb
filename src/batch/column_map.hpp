#pragma once

#include "model/rule_pack.hpp"
#include "util/diagnostic.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// How a header or an answer text is matched: without the spaces and tabs around it, and with
/// ASCII letters in lower case ("  Email Address " and "email address" match).
std::string match_key(std::string_view text);

/// How a form's CSV export maps onto the pack (`contra batch --columns FILE`): header text to
/// fact id, per column the form's answer texts to values, the column holding the record's id,
/// and the columns that are not questions (ignored, or echoed under `meta` in each line).
///
///     id: Client number
///     ignore: [Timestamp]
///     meta: [Email Address]
///     columns:
///       "Does one leg feel warmer than the other?": leg_warmth
///       "Swollen legs?":
///         fact: leg_swelling
///         answers: {"Yes, left leg": left_leg, "No": none}
struct ColumnMapping {
    std::string fact;                                        ///< a fact id of the pack, or `id`
    std::map<std::string, std::string, std::less<>> answers; ///< by match_key of the answer text
};

struct ColumnMap {
    std::map<std::string, ColumnMapping, std::less<>> columns; ///< by match_key of the header
    std::set<std::string, std::less<>> ignore;                 ///< match_key of each header
    /// Ignored columns copied into each output line, as the map writes their headers.
    std::vector<std::string> meta;
    /// The header of `id:`, as written; it must be in the file (so must each of `meta`).
    std::optional<std::string> id;
    /// Every header the map names, as written: the candidates of a did-you-mean.
    std::vector<std::string> headers;
};

/// Reads a column map; unknown fact ids, a header given two roles and malformed entries are
/// located errors in `out`.
std::optional<ColumnMap>
read_column_map(const RulePack& pack, std::string text, std::string file_name, Diagnostics& out);

} // namespace contra
