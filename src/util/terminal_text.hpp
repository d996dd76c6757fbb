#pragma once

#include <string>
#include <string_view>

namespace contra {

/// `text` from an input (a key, a value, a file name, a pack's text) made safe to show on a
/// terminal or in a log: C0 controls (newline and tab too), DEL, C1 controls and bytes that are
/// not UTF-8 are written as `\xNN` (a C1 control as its two UTF-8 bytes), so an input cannot
/// move the cursor, clear the screen, colour text or start a line of its own. Other UTF-8 text
/// ("é") is kept as it is.
std::string escape_controls(std::string_view text);

} // namespace contra
