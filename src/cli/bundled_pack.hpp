#pragma once

#include <string_view>

namespace contra::cli {

/// The bundled rule pack, encoded by contra-packc at build time (generated source).
std::string_view bundled_pack_bytes();

} // namespace contra::cli
