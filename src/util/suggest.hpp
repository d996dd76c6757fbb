#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// The candidates `name` most plausibly meant, best first (at most three; none when nothing is
/// close or when too many are equally close to choose). Matching ignores case and treats
/// spaces, hyphens and underscores alike. In order of preference: the same name; names it
/// begins ("one" -> "one_leg"); names holding each of its words ("warmth" -> "leg_warmth"); and
/// only then a typo by edit distance, within a threshold that grows with the name's length and
/// that a different first letter counts against ("calf" never suggests "scalp"). A candidate
/// of the opposite meaning (none/one, yes/no, left/right ...) is never suggested.
std::vector<std::string> suggestions(std::string_view name,
                                     const std::vector<std::string>& candidates);

/// The best of `suggestions`, if any.
std::optional<std::string> nearest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

/// "; did you mean 'x'?" (or "'x' or 'y'?") for the suggestions, or an empty string.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

} // namespace contra
