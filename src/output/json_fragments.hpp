#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// JSON texts made once per pack (a list item such as {"fact":…,"could_raise_to":…}), joined
/// into lists for each report. A `--detail ids` line joins about 75 of them: appending each
/// with std::string (a libc memcpy call for each) was a tenth of a batch's work. Here each is
/// kept with its leading comma in a slot of fixed size and copied whole, which the compiler
/// does in a few vector moves, and the list's length is fixed once at the end.
class JsonFragments {
  public:
    /// Adds the next fragment (they are numbered from 0 in the order added).
    void add(std::string_view fragment);

    /// Appends `[a,b,…]`: the fragment `index_of(item)` for each of `items`, in their order.
    template <typename Items, typename IndexOf>
    void append_list(const Items& items, IndexOf index_of, std::string& out) const {
        if (items.empty()) {
            out += "[]";
            return;
        }
        const std::size_t start = out.size();
        // Room for every item but the last at its widest, a whole slot for the last, and ']'.
        out.resize(start + (items.size() - 1) * m_widest + std::max(k_slot, m_widest) + 1);
        char* at = out.data() + start;
        for (const auto& item : items) {
            const std::size_t index = index_of(item);
            const std::uint32_t length = m_lengths[index];
            if (length <= k_slot) {
                std::memcpy(at, m_slots.data() + index * k_slot, k_slot);
            } else {
                std::memcpy(at, m_long[m_long_index[index]].data(), length);
            }
            at += length;
        }
        *at++ = ']';
        out[start] = '['; // in place of the first item's comma
        out.resize(static_cast<std::size_t>(at - out.data()));
    }

  private:
    static constexpr std::size_t k_slot = 128;

    std::string m_slots;                     ///< "," + fragment, padded to k_slot bytes each
    std::vector<std::uint32_t> m_lengths;    ///< of "," + fragment
    std::vector<std::uint32_t> m_long_index; ///< into m_long, for a fragment over k_slot bytes
    std::vector<std::string> m_long;
    std::size_t m_widest = 0; ///< the longest "," + fragment
};

} // namespace contra
