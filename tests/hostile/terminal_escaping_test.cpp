// Bytes from an input never reach a terminal raw (issue 9): a profile's keys and values, site
// names, file names and a pack's text are escaped (\xNN) in every message and report, so an
// intake form cannot clear the screen and draw a green "PROCEED" over an error. The only escape
// sequences contra writes are its own colours, and only when colour is on.
#include "file_contents.hpp"
#include "scratch_path.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using contra::testing::file_contents;
using contra::testing::scratch_path;

struct Captured {
    int code = -1;
    std::string out;
    std::string err;
};

// What an input tries to do to the terminal: clear it, then draw a green PROCEED.
const std::string k_attack = "\x1b[2J\x1b[32mPROCEED\x1b[0m";
// The same in YAML's double-quoted escapes, which give those bytes to contra.
const std::string k_attack_yaml = "\\e[2J\\e[32mPROCEED\\e[0m";

class TerminalEscaping : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = scratch_path(std::string("escaping_") +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path write(const std::string& name, const std::string& text) {
        const fs::path path = m_dir / name;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    Captured run(const std::vector<std::string>& args) const {
        const fs::path out_path = m_dir / "stdout";
        const fs::path err_path = m_dir / "stderr";
        const pid_t pid = fork();
        if (pid == 0) {
            std::FILE* out = std::freopen(out_path.c_str(), "w", stdout);
            std::FILE* err = std::freopen(err_path.c_str(), "w", stderr);
            std::FILE* in = std::freopen("/dev/null", "r", stdin);
            if (out == nullptr || err == nullptr || in == nullptr) {
                _exit(126);
            }
            std::vector<const char*> argv{CONTRA_BINARY};
            for (const std::string& arg : args) {
                argv.push_back(arg.c_str());
            }
            argv.push_back(nullptr);
            execv(CONTRA_BINARY, const_cast<char* const*>(argv.data()));
            _exit(127);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                file_contents(out_path),
                file_contents(err_path)};
    }

    // A copy of the small test pack whose WARM rule has `title`.
    fs::path pack_with_title(const std::string& title) {
        std::string body =
            file_contents(fs::path(PROJECT_SOURCE_DIR) / "tests/data/small-pack/body.yaml");
        const std::string plain = "title: Warm leg";
        body.replace(body.find(plain), plain.size(), "title: \"" + title + "\"");
        write("pack/body.yaml", body);
        write("pack/pack.yaml",
              file_contents(fs::path(PROJECT_SOURCE_DIR) / "tests/data/small-pack/pack.yaml"));
        return m_dir / "pack";
    }

    fs::path m_dir;
};

// No C0 control but newline, no DEL, no C1 control: nothing a terminal would obey.
::testing::AssertionResult no_raw_controls(const std::string& stream, const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool c1 =
            byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if ((byte < 0x20 && byte != '\n') || byte == 0x7F || c1) {
            return ::testing::AssertionFailure() << stream << " has the raw byte "
                                                 << static_cast<int>(byte) << " at " << i << ":\n"
                                                 << text;
        }
    }
    return ::testing::AssertionSuccess();
}

void expect_escaped(const Captured& run, int code) {
    EXPECT_EQ(run.code, code) << run.err;
    EXPECT_TRUE(no_raw_controls("stdout", run.out));
    EXPECT_TRUE(no_raw_controls("stderr", run.err));
    EXPECT_NE((run.out + run.err).find("\\x1b[2J\\x1b[32mPROCEED"), std::string::npos)
        << run.out << run.err;
}

TEST_F(TerminalEscaping, AProfileKeyIsEscaped) {
    const fs::path profile = write("profile.yaml", "\"" + k_attack_yaml + "\": yes\n");
    expect_escaped(run({"check", profile.string()}), 65);
}

TEST_F(TerminalEscaping, AProfileValueIsEscaped) {
    const fs::path profile = write("profile.yaml", "leg_warmth: \"" + k_attack_yaml + "\"\n");
    expect_escaped(run({"check", profile.string()}), 65);
    expect_escaped(run({"check", "--set", "leg_warmth=" + k_attack}), 65);
}

TEST_F(TerminalEscaping, ASiteNameAndItsSuggestionAreEscaped) {
    const fs::path profile =
        write("profile.yaml", "treatment_area: [\"" + k_attack_yaml + "\", \"calf_lef\\e\"]\n");
    expect_escaped(run({"check", profile.string()}), 65);
}

TEST_F(TerminalEscaping, AFileNameIsEscaped) {
    const fs::path profile = write(k_attack + ".yaml", "leg_warmth: maybe\n");
    expect_escaped(run({"check", profile.string()}), 65);
    expect_escaped(run({"check", (m_dir / (k_attack + "-missing.yaml")).string()}), 66);
    const fs::path pack = m_dir / (k_attack + "-pack");
    fs::create_directories(pack);
    expect_escaped(run({"lint", pack.string()}), 78);
    expect_escaped(run({"check", "--rules", pack.string(), "--leg-warmth"}), 78);
}

// Each output file that cannot be written is named in its error, escaped, and exits 73.
TEST_F(TerminalEscaping, AnOutputFileNameIsEscaped) {
    const std::string missing = (m_dir / (k_attack + "-missing") / "out").string();
    const std::string small_pack = std::string(PROJECT_SOURCE_DIR) + "/tests/data/small-pack";
    expect_escaped(run({"test", small_pack, "--junit", missing + ".xml"}), 73);
    expect_escaped(run({"check", "--suspected-dvt", "--body-map", missing + ".svg"}), 73);
    expect_escaped(run({"check", "--suspected-dvt", "--audit-log", missing + ".log"}), 73);
    expect_escaped(run({"interview", "--save", missing + ".json"}), 73);
}

TEST_F(TerminalEscaping, APackRuleTitleIsEscapedInReportsListingsAndLint) {
    const fs::path pack = pack_with_title(k_attack_yaml);
    const fs::path profile =
        write("profile.yaml", "modality: leg_massage\nleg_warmth: yes\nvaricose_vein_sites: []\n");
    expect_escaped(run({"check", "--rules", pack.string(), profile.string()}), 3);
    expect_escaped(run({"rules", "--rules", pack.string()}), 0);
    expect_escaped(run({"explain", "--rules", pack.string(), profile.string()}), 3);
}

TEST_F(TerminalEscaping, ABrokenPackQuotesItsTextEscaped) {
    const fs::path pack = pack_with_title(k_attack_yaml);
    std::string body = file_contents(pack / "body.yaml");
    body.replace(body.find("level: do_not_massage"), 21, "level: \"" + k_attack_yaml + "\"");
    write("pack/body.yaml", body);
    expect_escaped(run({"lint", pack.string()}), 78);
    const Captured json = run({"lint", "--format", "json", pack.string()});
    EXPECT_EQ(json.code, 78);
    EXPECT_TRUE(no_raw_controls("stdout", json.out));
    EXPECT_NE(json.out.find("\\u001b[2J\\u001b[32mPROCEED"), std::string::npos) << json.out;
}

TEST_F(TerminalEscaping, DelC1AndInvalidUtf8AreEscapedButOtherTextIsKept) {
    const fs::path profile = write("profile.yaml", "\"caf\xc3\xa9\\x7f\\x9b2J\": yes\n");
    const Captured text = run({"check", profile.string()});
    EXPECT_EQ(text.code, 65);
    EXPECT_TRUE(no_raw_controls("stderr", text.err));
    EXPECT_NE(text.err.find("caf\xc3\xa9\\x7f\\xc2\\x9b2J"), std::string::npos) << text.err;
    const fs::path pack = pack_with_title("caf\xc3\xa9\\x7f\\x9b2J");
    const fs::path answers =
        write("answers.yaml", "modality: leg_massage\nleg_warmth: yes\nvaricose_vein_sites: []\n");
    const Captured json =
        run({"check", "--format", "json", "--rules", pack.string(), answers.string()});
    EXPECT_EQ(json.code, 3) << json.err;
    EXPECT_TRUE(no_raw_controls("stdout", json.out));
    EXPECT_NE(json.out.find("caf\xc3\xa9\\u007f\\u009b2J"), std::string::npos) << json.out;
}

TEST_F(TerminalEscaping, WithColourOnlyContrasOwnColourCodesAreRaw) {
    const fs::path pack = pack_with_title(k_attack_yaml);
    const fs::path profile =
        write("profile.yaml", "modality: leg_massage\nleg_warmth: yes\nvaricose_vein_sites: []\n");
    const Captured coloured =
        run({"check", "--color", "always", "--rules", pack.string(), profile.string()});
    EXPECT_EQ(coloured.code, 3) << coloured.err;
    EXPECT_NE(coloured.out.find('\x1b'), std::string::npos) << "colour is on";
    // Take away contra's own colour codes (SGR: ESC [ digits ; m): nothing raw may be left.
    const std::string without_colours =
        std::regex_replace(coloured.out, std::regex("\x1b\\[[0-9;]*m"), "");
    EXPECT_TRUE(no_raw_controls("stdout", without_colours));
    EXPECT_EQ(coloured.out.find("\x1b[2J"), std::string::npos);
    EXPECT_EQ(coloured.out.find("\x1b[32mPROCEED"), std::string::npos);
    EXPECT_NE(coloured.out.find("\\x1b[2J\\x1b[32mPROCEED"), std::string::npos) << coloured.out;
}

} // namespace
