#pragma once

#include <string>
#include <string_view>

namespace contra {

/// Incremental SHA-256 (GNU Nettle), as lowercase hex.
class Sha256 {
  public:
    Sha256();
    void update(std::string_view bytes);
    [[nodiscard]] std::string hex_digest();

  private:
    alignas(8) unsigned char m_state[128];
};

std::string sha256_hex(std::string_view bytes);

} // namespace contra
