#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

/// How many YAML documents `text` holds, counted on yaml-cpp's event stream (a JSON text is a
/// YAML document too): the oracle for "no input byte went unread", independent of the tree
/// the readers build. nullopt when the text is no valid YAML at all.
std::optional<std::size_t> count_yaml_documents(std::string_view text);
