#pragma once

#include "pack/pack_loader.hpp"

#include <string_view>
#include <vector>

/// A whole rule pack in one fuzz input: the manifest's text, then each other file after a line
/// "#@file NAME". The marker is a YAML comment, so a pack's files joined this way stay YAML.
struct PackInput {
    contra::PackSource manifest;
    std::vector<contra::PackSource> files;
};

PackInput split_pack_input(std::string_view text);
