#pragma once

#include "cli/environment.hpp"

#include <iosfwd>

namespace contra::cli {

/// The whole command line: parses argv, runs the command, prints to `out`/`err`, and returns
/// the exit code. Nothing escapes as an exception.
int run(int argc,
        const char* const* argv,
        std::istream& in,
        std::ostream& out,
        std::ostream& err,
        const Environment& environment);

} // namespace contra::cli
