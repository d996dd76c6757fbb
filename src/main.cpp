#include "cli/app.hpp"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    const char* no_color = std::getenv("NO_COLOR");
    const contra::cli::Environment environment{isatty(STDOUT_FILENO) == 1,
                                               no_color != nullptr && *no_color != '\0',
                                               isatty(STDERR_FILENO) == 1,
                                               isatty(STDIN_FILENO) == 1,
                                               STDOUT_FILENO};
    return contra::cli::run(argc, argv, std::cin, std::cout, std::cerr, environment);
}
