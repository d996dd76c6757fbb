#pragma once

#include <cstddef>
#include <cstdint>

/// The entry point every fuzz target defines: libFuzzer calls it in `fuzz` builds, and
/// replay_main.cpp calls it for each committed input in ordinary builds.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
