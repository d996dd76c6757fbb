#pragma once

#include "cli/app.hpp"

#include <string>
#include <vector>

namespace contra::cli::testing {

struct Outcome {
    int code;
    std::string out;
    std::string err;
};

/// Runs the command line in process with `args` (without the program name) and `input` on
/// standard input.
Outcome run_contra(std::vector<std::string> args,
                   const std::string& input = "",
                   const Environment& environment = Environment{});

} // namespace contra::cli::testing
