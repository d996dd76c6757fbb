#include "bundled.hpp"

#include "cli/bundled_pack.hpp"
#include "pack/pack_codec.hpp"

#include <cstdlib>

const contra::RulePack& bundled_pack() {
    static const contra::RulePack pack = [] {
        auto decoded = contra::decode_pack(contra::cli::bundled_pack_bytes());
        if (!decoded) {
            std::abort();
        }
        return *std::move(decoded);
    }();
    return pack;
}
