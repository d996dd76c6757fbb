// The whole command line, in process: arguments separated by NUL bytes, and after an empty
// argument (two NULs) the text given on standard input. Every run must end in an exit code
// docs/contract.md allows; an exception escaping or any other code is a finding. A verdict from a
// profile read on standard input must have read all of it: one document, nothing after it.
#include "cli/app.hpp"
#include "document_count.hpp"
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

// `check -` or `explain -`: standard input is one profile (not a batch's
// stream, and not a `--set` or a flag's value).
bool reads_one_profile_from_stdin(const std::vector<std::string>& arguments) {
    if (arguments.size() < 3) {
        return false;
    }
    const std::string& command = arguments[1];
    if (command != "check" && command != "explain") {
        return false;
    }
    bool reads = false;
    for (std::size_t i = 2; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        // --help, --version, or -h inside a cluster of short flags (`-heck`) answer without
        // reading anything.
        if (argument == "--help" || argument == "--version" ||
            (argument.size() > 1 && argument[0] == '-' && argument[1] != '-' &&
             argument.find('h') != std::string::npos)) {
            return false;
        }
        reads = reads || (argument == "-" && arguments[i - 1].rfind("--", 0) != 0);
    }
    return reads;
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
    if (code <= 5 && reads_one_profile_from_stdin(arguments) &&
        count_yaml_documents(standard_input).value_or(0) != 1) {
        std::abort();
    }
    return 0;
}
