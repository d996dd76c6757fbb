#include "run_contra.hpp"

#include <sstream>

namespace contra::cli::testing {

Outcome run_contra(std::vector<std::string> args,
                   const std::string& input,
                   const Environment& environment) {
    args.insert(args.begin(), "contra");
    std::vector<const char*> argv;
    for (const std::string& arg : args) {
        argv.push_back(arg.c_str());
    }
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    const int code = run(static_cast<int>(argv.size()), argv.data(), in, out, err, environment);
    return {code, out.str(), err.str()};
}

} // namespace contra::cli::testing
