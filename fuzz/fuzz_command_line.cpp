// The whole command line, in process: arguments separated by NUL bytes, and after an empty
// argument (two NULs) the text given on standard input. Every run must end in an exit code
// contract.md allows; an exception escaping or any other code is a finding.
#include "cli/app.hpp"
#include "fuzz_target.hpp"

#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Options that write files, and paths that could block (a terminal, a pipe) or never end, are
// left out: the fuzzer must neither write to the disk nor wait on it.
bool is_excluded(std::string_view argument) {
    for (std::string_view writes : {"--junit", "--audit-log", "--save", "--body-map"}) {
        if (argument.find(writes) != std::string_view::npos) {
            return true;
        }
    }
    for (std::string_view device : {"/dev", "/proc", "/sys"}) {
        if (argument.find(device) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

bool is_contract_exit_code(int code) {
    return (code >= 0 && code <= 5) || code == 64 || code == 65 || code == 66 || code == 78;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> arguments{"contra"};
    std::string standard_input;
    while (!text.empty()) {
        const std::size_t end = text.find('\0');
        const std::string_view argument = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (argument.empty()) {
            standard_input = text;
            break;
        }
        if (is_excluded(argument)) {
            return 0;
        }
        arguments.emplace_back(argument);
    }
    std::vector<const char*> argv;
    for (const std::string& argument : arguments) {
        argv.push_back(argument.c_str());
    }
    std::istringstream in(standard_input);
    std::ostringstream out;
    std::ostringstream err;
    const int code = contra::cli::run(
        static_cast<int>(argv.size()), argv.data(), in, out, err, contra::cli::Environment{});
    if (!is_contract_exit_code(code)) {
        std::abort();
    }
    return 0;
}
