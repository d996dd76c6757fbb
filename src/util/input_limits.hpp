#pragma once

#include <cstddef>

namespace contra {

/// Bounds on every input contra reads (profiles, rule packs, scenario suites, standard input),
/// so that no file, however hostile, can take more than a second or 100 MB. Each is reported
/// by name (`limit max-depth`) when exceeded; docs/limits.md gives the reasons for each value.

/// The largest file or standard input read, in bytes. yaml-cpp reads dense YAML at about 4 MB
/// a second here, and a large text is read twice (the guard's pass, then the tree), so 1 MiB
/// keeps the worst case near half a second. The bundled pack's largest file is 37 KB; a file of
/// 1,000 rules is 480 KB.
inline constexpr std::size_t k_max_file_size = std::size_t{1024} * 1024;

/// The deepest nesting of lists and mappings. The pack format needs 12.
inline constexpr int k_max_depth = 64;

/// The most nodes (scalars, lists, mappings) in one document. A yaml-cpp node costs about 500
/// bytes; a 1,000-rule pack has about 40,000.
inline constexpr std::size_t k_max_items = 100'000;

/// The longest scalar (a key or a value), in bytes.
inline constexpr std::size_t k_max_string_length = std::size_t{64} * 1024;

/// A rule pack as a whole (pack.yaml and the files it lists; not its scenario suites): the
/// total of their bytes, how many files, and the values in all their documents, which are held
/// in memory together while the pack is built (about 70 MB at k_max_pack_items).
/// The bundled pack is 90 KB in 10 files; a pack of 1,000 rules is about 500 KB with 40,000
/// values.
inline constexpr std::size_t k_max_pack_size = std::size_t{2} * 1024 * 1024;
inline constexpr std::size_t k_max_pack_files = 100;
inline constexpr std::size_t k_max_pack_items = 150'000;

/// Errors reported for one input before reading stops; later ones would be noise.
inline constexpr std::size_t k_max_errors = 50;

} // namespace contra
