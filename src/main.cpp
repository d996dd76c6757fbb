#include "cli/app.hpp"
#include "cli/checked_output.hpp"
#include "cli/terminal_width.hpp"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    contra::cli::reserve_standard_descriptors();
    const char* no_color = std::getenv("NO_COLOR");
    const contra::cli::Environment environment{
        isatty(STDOUT_FILENO) == 1,
        no_color != nullptr && *no_color != '\0',
        isatty(STDERR_FILENO) == 1,
        isatty(STDIN_FILENO) == 1,
        STDOUT_FILENO,
        contra::cli::terminal_width(STDOUT_FILENO, std::getenv("COLUMNS"))};
    // Standard output through a buffer that remembers a failed write (run() checks it); batch
    // writes its lines to the descriptor itself.
    contra::cli::FdOutputBuffer stdout_buffer(STDOUT_FILENO);
    std::ostream out(&stdout_buffer);
    return contra::cli::run(argc, argv, std::cin, out, std::cerr, environment);
}
