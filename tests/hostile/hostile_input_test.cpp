// Hostile input against the real binary: each case must be refused with a located message and
// exit 65 (a profile) or 78 (a rule pack), within a second and 100 MB (docs/limits.md).
// Sanitizer builds check the refusals but not the bounds, which their own overhead breaks.
#include "file_contents.hpp"
#include "scratch_path.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using contra::testing::file_contents;
using contra::testing::scratch_path;

struct Outcome {
    int code = -1;
    std::string err;
    double cpu_seconds = 0; ///< user and system: what the input cost, whatever else runs
    long peak_kib = 0;
};

// Runs contra with `args`, `stdin_path` on standard input and standard error to `err_path`,
// and measures it with wait4.
Outcome run_contra_with(const fs::path& err_path,
                        const std::vector<std::string>& args,
                        const fs::path& stdin_path) {
    const pid_t pid = fork();
    if (pid == 0) {
        const int in = open(stdin_path.c_str(), O_RDONLY);
        const int out = open("/dev/null", O_WRONLY);
        const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        std::vector<const char*> argv{CONTRA_BINARY};
        for (const std::string& arg : args) {
            argv.push_back(arg.c_str());
        }
        argv.push_back(nullptr);
        execv(CONTRA_BINARY, const_cast<char* const*>(argv.data()));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Outcome run;
    const auto seconds = [](const timeval& time) {
        return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
    };
    run.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.peak_kib = usage.ru_maxrss;
    run.err = file_contents(err_path);
    return run;
}

class HostileInput : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = scratch_path(std::string("hostile_") +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    Outcome run_contra(const std::vector<std::string>& args,
                       const fs::path& stdin_path = "/dev/null") const {
        return run_contra_with(m_dir / "stderr", args, stdin_path);
    }

    fs::path write(const std::string& name, const std::string& text) {
        const fs::path path = m_dir / name;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    // A pack whose manifest lists `body.yaml`, holding `text`.
    fs::path pack_with_file(const std::string& text) {
        write("pack/pack.yaml", "pack:\n  name: hostile\n  version: 0.1.0\n  files: [body.yaml]\n");
        write("pack/body.yaml", text);
        return m_dir / "pack";
    }

    // The refusal: the exit code, the message (its start after the location), within bounds.
    static void expect_refused(const Outcome& run, int code, const std::string& message) {
        EXPECT_EQ(run.code, code) << run.err;
        EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
        EXPECT_EQ(run.err.find("internal error"), std::string::npos) << run.err;
#ifndef CONTRA_SANITIZED
        EXPECT_LT(run.cpu_seconds, 1.0) << run.err;
        EXPECT_LT(run.peak_kib, 100 * 1024) << run.err;
#endif
    }

    // The same text as a profile file, on standard input, and as a file of a rule pack.
    void expect_refused_everywhere(const std::string& text, const std::string& message) {
        const fs::path profile = write("profile.yaml", text);
        expect_refused(run_contra({"check", profile.string()}), 65, message);
        expect_refused(run_contra({"check", "-"}, profile), 65, message);
        expect_refused(
            run_contra({"check", "--rules", pack_with_file(text).string(), profile.string()}),
            78,
            message);
    }

    fs::path m_dir;
};

std::string repeated(const std::string& piece, std::size_t times) {
    std::string text;
    text.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        text += piece;
    }
    return text;
}

TEST_F(HostileInput, AliasBombIsRefusedAtTheFirstAnchor) {
    std::string bomb =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char level = 'b'; level <= 'i'; ++level) {
        const char previous = static_cast<char>(level - 1);
        bomb += std::string(1, level) + ": &" + level + " [" +
                repeated(std::string("*") + previous + ",", 8) + "*" + previous + "]\n";
    }
    expect_refused_everywhere(bomb, ":1:4: error: YAML anchors ('&name') are not allowed");
}

TEST_F(HostileInput, DeepNestingStopsAtTheDepthLimit) {
    const std::string flow = "a: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n";
    expect_refused_everywhere(flow,
                              ":1:67: error: nesting deeper than 64 levels (limit max-depth)");
    const std::string json =
        "{\"a\": " + std::string(100'000, '[') + std::string(100'000, ']') + "}";
    expect_refused_everywhere(json,
                              ":1:70: error: nesting deeper than 64 levels (limit max-depth)");
    std::string block;
    for (int depth = 0; depth < 100; ++depth) {
        block += std::string(static_cast<std::size_t>(depth), ' ') + "k:\n";
    }
    expect_refused_everywhere(block,
                              ":65:65: error: nesting deeper than 64 levels (limit max-depth)");
}

TEST_F(HostileInput, AHundredMegabyteFileIsRefusedUnread) {
    const fs::path big = write("big.yaml", "");
    fs::resize_file(big, 100 * 1024 * 1024); // sparse: no 100 MB written
    expect_refused(
        run_contra({"check", big.string()}), 65, "larger than 1 MiB (limit max-file-size)");
    expect_refused(run_contra({"check", "-"}, big), 65, "larger than 1 MiB (limit max-file-size)");
    const fs::path pack = pack_with_file("");
    fs::resize_file(pack / "body.yaml", 100 * 1024 * 1024);
    expect_refused(run_contra({"check", "--rules", pack.string(), "--fever"}),
                   78,
                   "body.yaml: error: " + (pack / "body.yaml").string() + " is larger than 1 MiB");
}

TEST_F(HostileInput, ALongLineIsRefusedByItsLength) {
    expect_refused_everywhere("leg_warmth: " + std::string(10 * 1024 * 1024, 'y') + "\n",
                              "larger than 1 MiB (limit max-file-size)");
    expect_refused_everywhere("leg_warmth: " + std::string(1000 * 1024, 'y') + "\n",
                              ":1:13: error: a value longer than 64 KiB (limit max-string-length)");
}

TEST_F(HostileInput, ManyValuesStopAtTheItemLimit) {
    expect_refused_everywhere("treatment_area:\n" + repeated("- x\n", 250'000),
                              ":99999:3: error: more than 100000 values in one document");
    expect_refused_everywhere("treatment_area: [" + repeated("x,", 500'000) + "x]\n",
                              "error: more than 100000 values in one document (limit max-items)");
}

TEST_F(HostileInput, ManyErrorsStopAtTheErrorLimit) {
    std::string typos;
    for (int i = 0; typos.size() < 1000 * 1024; ++i) {
        typos += "leg_warmth_" + std::to_string(i) + std::string(60, 'x') + ": yes\n";
    }
    const fs::path profile = write("typos.yaml", typos);
    expect_refused(run_contra({"check", profile.string()}),
                   65,
                   "contra stopped reading after 50 errors (limit max-errors)");
}

// Errors past the limit are not built: each used to copy its source line found by a scan from
// the start of the text, which made 49,999 duplicates (350 KB) cost seconds.
TEST_F(HostileInput, ErrorsPastTheLimitCostNothing) {
    expect_refused_everywhere(repeated("ab: 12\n", 49'999),
                              "contra stopped reading after 50 errors (limit max-errors)");
    expect_refused_everywhere("{" + repeated("\"ab\": 12, ", 49'998) + "\"ab\": 12}",
                              ":1:12: error: duplicate key 'ab'");
    expect_refused_everywhere(repeated("[a]: 1\n", 33'000), ":2:1: error: expected a plain key");
}

TEST_F(HostileInput, BinaryBytesAndInvalidUtf8AreRefusedWhereTheyStart) {
    std::string binary;
    for (int i = 1; i < 256 * 16; ++i) {
        binary += static_cast<char>(i % 255 + 1); // every byte but NUL
    }
    expect_refused_everywhere(binary,
                              ":2:118: error: byte 0x80 is not UTF-8"); // byte 10 ends line 1
    expect_refused_everywhere("age_years: 64\nleg_warmth: \xff\xfe\n",
                              ":2:13: error: byte 0xff is not UTF-8; save the file as UTF-8");
    expect_refused_everywhere("leg_warmth: \xed\xa0\x80\n", ":1:13: error: byte 0xed is not UTF-8");
}

TEST_F(HostileInput, ANulInAValueIsRefused) {
    expect_refused_everywhere(std::string("leg_warmth: ye\0s\n", 17),
                              ":1:15: error: a NUL byte is not allowed in YAML or JSON text");
}

TEST_F(HostileInput, TagsAreRefusedNotConstructed) {
    expect_refused_everywhere(
        "leg_warmth: !!python/object:os.system ls\n",
        ":1:13: error: YAML tags ('tag:yaml.org,2002:python/object:os.system') are not allowed");
}

TEST_F(HostileInput, NumbersMustBePlainDecimals) {
    for (const std::string number : {".nan", "1e999", "0x10", ".inf", "-.inf", "1_000"}) {
        const fs::path profile = write("number.yaml", "age_years: " + number + "\n");
        expect_refused(run_contra({"check", profile.string()}),
                       65,
                       ":1:12: error: expected a number of years for 'age_years', got '" + number +
                           "'");
    }
}

TEST_F(HostileInput, DuplicateKeysAreRefused) {
    expect_refused_everywhere("leg_warmth: yes\nleg_warmth: no\n",
                              ":2:1: error: duplicate key 'leg_warmth'");
}

TEST_F(HostileInput, AnEmptyDocumentIsRefused) {
    const fs::path profile = write("empty.yaml", "");
    expect_refused(
        run_contra({"check", profile.string()}), 65, "empty.yaml:1:1: error: the profile is empty");
    expect_refused(
        run_contra({"check", "--rules", pack_with_file("").string(), "--fever"}), 78, "body.yaml");
}

TEST_F(HostileInput, SeveralDocumentsAreRefused) {
    expect_refused_everywhere("leg_warmth: yes\n---\nleg_warmth: no\n",
                              ":2:1: error: a second YAML document ('---') is not allowed");
    const std::string after_the_end = ": error: text after the end of the first document";
    expect_refused_everywhere("{\"modality\": \"mld_legs\", \"sudden_breathlessness\": \"no\"}\n"
                              "{\"sudden_breathlessness\": \"yes\"}\n",
                              ":2:1" + after_the_end);
    expect_refused_everywhere("{\"modality\": \"mld_legs\"}zzz", ":1:25" + after_the_end);
    // yaml-cpp ends no line at a lone CR: the second object is a syntax error, not dropped.
    expect_refused_everywhere("{\"leg_warmth\": \"no\"}\r{\"leg_warmth\": \"yes\"}\r",
                              ":1:21: error: end of map not found");
}

// A pack as a whole (docs/limits.md): each listed file is read once, and the pack's bytes, files
// and values are bounded, however its manifest is written.
class HostilePack : public HostileInput {
  protected:
    fs::path pack_listing(const std::vector<std::string>& names) {
        std::string manifest = "pack:\n  name: hostile\n  version: 0.1.0\n  files:\n";
        for (const std::string& name : names) {
            manifest += "    - " + name + "\n";
        }
        return write("pack/pack.yaml", manifest);
    }
};

TEST_F(HostilePack, AFileListedThousandsOfTimesIsReadOnceAndRefusedAtItsSecondMention) {
    // 4,000 mentions of a 20 KB file: once cost 21 s and 2.1 GB (issue 9).
    write("pack/sites.yaml",
          "sites:\n" +
              repeated("  - {id: calf_left, level: 2}  # a realistic line of a file\n", 350));
    pack_listing(std::vector<std::string>(4000, "sites.yaml"));
    const fs::path pack = m_dir / "pack";
    expect_refused(run_contra({"check", "--rules", pack.string(), "--leg-warmth"}),
                   78,
                   "pack.yaml:6:7: error: 'sites.yaml' is already listed at 5:7; list each file "
                   "once [bad-value]");
    expect_refused(run_contra({"test", pack.string()}), 78, "contra stopped reading after 50");
}

TEST_F(HostilePack, ThePacksBytesInAllStopAtThePackSizeLimit) {
    const std::string comment = "# " + repeated("x", 78) + "\n";
    std::vector<std::string> names;
    for (int i = 0; i < 4; ++i) {
        names.push_back("part" + std::to_string(i) + ".yaml");
        write("pack/" + names.back(), repeated(comment, 9'000)); // 720 KB each
    }
    pack_listing(names);
    expect_refused(run_contra({"check", "--rules", (m_dir / "pack").string(), "--leg-warmth"}),
                   78,
                   "pack.yaml:7:7: error: with 'part2.yaml' the pack's files come to more than 2 "
                   "MiB (limit max-pack-size)");
}

TEST_F(HostilePack, ThePacksValuesInAllStopAtThePackItemLimit) {
    std::vector<std::string> names;
    for (int i = 0; i < 3; ++i) {
        names.push_back("part" + std::to_string(i) + ".yaml");
        write("pack/" + names.back(), "sites: [" + repeated("x,", 60'000) + "x]\n");
    }
    pack_listing(names);
    expect_refused(run_contra({"check", "--rules", (m_dir / "pack").string(), "--leg-warmth"}),
                   78,
                   "part2.yaml:1:"); // the third file crosses 150,000 values
    expect_refused(run_contra({"check", "--rules", (m_dir / "pack").string(), "--leg-warmth"}),
                   78,
                   "more than 150000 values in all the pack's files (limit max-pack-items)");
}

TEST_F(HostilePack, AManifestOfThousandsOfFilesStopsAtThePackFileLimit) {
    std::vector<std::string> names;
    for (int i = 0; i < 5000; ++i) {
        names.push_back("f" + std::to_string(i) + ".yaml");
        if (i <= 100) {
            write("pack/" + names.back(), "{}\n");
        }
    }
    pack_listing(names);
    expect_refused(run_contra({"check", "--rules", (m_dir / "pack").string(), "--leg-warmth"}),
                   78,
                   "pack.yaml:105:7: error: a pack of more than 100 files (limit max-pack-files)");
}

} // namespace
