#include "output/json_fragments.hpp"

#include <algorithm>
#include <utility>

namespace contra {

void JsonFragments::add(std::string_view fragment) {
    const std::size_t length = fragment.size() + 1;
    std::string with_comma;
    with_comma.reserve(length);
    with_comma += ',';
    with_comma += fragment;
    m_lengths.push_back(static_cast<std::uint32_t>(length));
    m_widest = std::max(m_widest, length);
    m_long_index.push_back(static_cast<std::uint32_t>(m_long.size()));
    const std::size_t slot = m_slots.size();
    m_slots.resize(slot + k_slot, ' ');
    if (length <= k_slot) {
        with_comma.copy(m_slots.data() + slot, length);
    } else {
        m_long.push_back(std::move(with_comma));
    }
}

} // namespace contra
