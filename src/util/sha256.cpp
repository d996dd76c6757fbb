#include "util/sha256.hpp"

#include <fmt/format.h>
#include <nettle/sha2.h>

#include <new>

namespace contra {

static_assert(sizeof(sha256_ctx) <= 128, "Sha256::m_state is too small for nettle's context");

namespace {
sha256_ctx* context(unsigned char* state) {
    return std::launder(reinterpret_cast<sha256_ctx*>(state));
}
} // namespace

Sha256::Sha256() {
    sha256_init(new (m_state) sha256_ctx);
}

void Sha256::update(std::string_view bytes) {
    sha256_update(
        context(m_state), bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
}

std::string Sha256::hex_digest() {
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(context(m_state), SHA256_DIGEST_SIZE, digest);
    std::string hex;
    for (std::uint8_t byte : digest) {
        hex += fmt::format("{:02x}", byte);
    }
    return hex;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 hash;
    hash.update(bytes);
    return hash.hex_digest();
}

} // namespace contra
