// contra's help formatter on a small app of its own: what CLI11 would leave to chance is fixed.

#include "cli/help_text.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace contra::cli {
namespace {

// The help of an app whose --only needs and excludes one option per name, declared in that order.
std::string help_with_options_declared(const std::vector<std::string>& names) {
    CLI::App app("formatter test", "app");
    app.formatter(std::make_shared<HelpFormatter>());
    CLI::Option* only = app.add_flag("--only");
    for (const std::string& name : names) {
        only->excludes(app.add_flag("--" + name));
        only->needs(app.add_flag("--needs-" + name));
    }
    return app.help();
}

TEST(HelpFormatter, NeedsAndExcludesAreSortedWhateverOrderTheyWereDeclaredIn) {
    // CLI11 orders them by address, and addresses follow the order of declaration: some of these
    // orders differ from the alphabetical one, whichever way the addresses go.
    for (const std::vector<std::string>& order :
         {std::vector<std::string>{"zeta", "beta", "mu", "alpha"},
          std::vector<std::string>{"alpha", "beta", "mu", "zeta"},
          std::vector<std::string>{"zeta", "mu", "beta", "alpha"}}) {
        const std::string help = help_with_options_declared(order);
        EXPECT_NE(help.find("--only Needs: --needs-alpha --needs-beta --needs-mu --needs-zeta "
                            "Excludes: --alpha --beta --mu --zeta"),
                  std::string::npos)
            << help;
    }
}

} // namespace
} // namespace contra::cli
