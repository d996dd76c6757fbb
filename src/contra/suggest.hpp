#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// The candidate closest to `name` by edit distance (with transpositions), if it is close
/// enough to be a plausible typo.
std::optional<std::string> nearest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

/// "; did you mean 'x'?" for the nearest candidate, or an empty string.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

} // namespace contra
