// --pack-sha256 pins the logic a clinic validated; --audit-log keeps a record of each decision
// without the patient's answers unless asked.
#include "cli/bundled_pack.hpp"
#include "pack/pack_codec.hpp"
#include "run_contra.hpp"
#include "scratch_path.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace contra::cli {
namespace {

using contra::testing::scratch_path;
using testing::run_contra;

const std::string k_profile = PROJECT_SOURCE_DIR "/examples/suspected-dvt.yaml";

std::string bundled_sha256() {
    return decode_pack(bundled_pack_bytes())->info.sha256;
}

std::filesystem::path fresh_log(const std::string& name) {
    const auto path = scratch_path("audit_test_" + name);
    std::filesystem::remove(path);
    return path;
}

std::vector<std::string> lines_of(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

TEST(PackPin, TheMatchingHashRunsInAnyCase) {
    std::string upper = bundled_sha256();
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    EXPECT_EQ(run_contra({"check", k_profile, "--pack-sha256", bundled_sha256()}).code, 3);
    EXPECT_EQ(run_contra({"check", k_profile, "--pack-sha256=" + upper}).code, 3);
    EXPECT_EQ(run_contra({"rules", "--pack-sha256", bundled_sha256()}).code, 0);
}

TEST(PackPin, AnyOtherHashRefusesToRun) {
    std::string other = bundled_sha256();
    other[0] = other[0] == '0' ? '1' : '0';
    for (const std::string& pinned : {other, std::string{}, std::string{"cf5ca6"}}) {
        const auto run = run_contra({"check", k_profile, "--pack-sha256", pinned});
        EXPECT_EQ(run.code, 78) << pinned;
        EXPECT_EQ(run.out, "") << "no verdict may be printed";
        EXPECT_NE(run.err.find("not the pinned '" + pinned + "'; nothing was checked"),
                  std::string::npos)
            << run.err;
    }
    // Also when the rest of the command line is wrong: the pin is checked first.
    EXPECT_EQ(run_contra({"check", "--no-such-option", "--pack-sha256", other}).code, 78);
}

TEST(PackPin, APinBeforeTheCommandAndOneAfterItMustBothMatch) {
    std::string other = bundled_sha256();
    other[0] = other[0] == '0' ? '1' : '0';
    for (const auto& [global, local] :
         {std::pair{bundled_sha256(), other}, std::pair{other, bundled_sha256()}}) {
        const auto check =
            run_contra({"--pack-sha256", global, "check", k_profile, "--pack-sha256", local});
        EXPECT_EQ(check.code, 78) << global << " then " << local;
        EXPECT_EQ(check.out, "");
        EXPECT_NE(check.err.find("not the pinned '" + other + "'"), std::string::npos) << check.err;
        const auto batch =
            run_contra({"--pack-sha256", global, "batch", "-", "--pack-sha256", local},
                       "{\"suspected_dvt\": \"no\"}\n");
        EXPECT_EQ(batch.code, 78);
        EXPECT_EQ(batch.out, "");
    }
    EXPECT_EQ(run_contra({"--pack-sha256",
                          bundled_sha256(),
                          "check",
                          k_profile,
                          "--pack-sha256",
                          bundled_sha256()})
                  .code,
              3);
}

TEST(AuditLog, ALineNamesTheDecisionButNotTheAnswers) {
    const auto log = fresh_log("line");
    ASSERT_EQ(run_contra({"check", k_profile, "--audit-log", log.string()}).code, 3);
    const auto lines = lines_of(log);
    ASSERT_EQ(lines.size(), 1U);
    const auto record = nlohmann::json::parse(lines[0]);
    EXPECT_EQ(record["verdict"], "do_not_massage");
    EXPECT_EQ(record["fired"], nlohmann::json::parse(R"(["R10", "R49"])"));
    EXPECT_EQ(record["pack"]["sha256"], bundled_sha256());
    EXPECT_EQ(record["profile_sha256"].get<std::string>().size(), 64U);
    EXPECT_FALSE(record.contains("profile"));
    EXPECT_EQ(lines[0].find("leg_warmth"), std::string::npos);
    struct stat info {};
    ASSERT_EQ(stat(log.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600U);
    std::filesystem::remove(log);
}

TEST(AuditLog, TheSameAnswersHashTheSameFromAFileOrOptions) {
    const auto log = fresh_log("hash");
    run_contra({"check", "--audit-log", log.string(), "--suspected-dvt"});
    run_contra({"check", "--audit-log", log.string(), "-"}, "suspected_dvt: yes\n");
    run_contra({"check", "--audit-log", log.string(), "--suspected-dvt", "--no-fever"});
    const auto lines = lines_of(log);
    ASSERT_EQ(lines.size(), 3U);
    const auto hash = [&](std::size_t i) {
        return nlohmann::json::parse(lines[i])["profile_sha256"].get<std::string>();
    };
    EXPECT_EQ(hash(0), hash(1));
    EXPECT_NE(hash(0), hash(2));
    std::filesystem::remove(log);
}

TEST(AuditLog, TheProfileIsWrittenOnlyWhenAskedFor) {
    const auto log = fresh_log("profile");
    run_contra({"check", "--audit-log", log.string(), "--audit-include-profile", "--leg-warmth"});
    const auto record = nlohmann::json::parse(lines_of(log).at(0));
    EXPECT_EQ(record["profile"], nlohmann::json::parse(R"({"leg_warmth": "yes"})"));
    std::filesystem::remove(log);
}

TEST(AuditLog, AnExistingLogIsAppendedToNeverTruncated) {
    const auto log = fresh_log("append");
    std::ofstream(log) << "an earlier line\n";
    std::filesystem::permissions(
        log, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    run_contra({"check", "--audit-log", log.string(), "--suspected-dvt"});
    const auto lines = lines_of(log);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0], "an earlier line");
    std::filesystem::remove(log);
}

TEST(AuditLog, AnUnwritableLogMeansNoVerdict) {
    const auto run =
        run_contra({"check", k_profile, "--audit-log", "/nonexistent-folder/audit.log"});
    EXPECT_EQ(run.code, 73);
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find("cannot open the audit log"), std::string::npos) << run.err;
}

TEST(AuditLog, ConcurrentWritersKeepEveryLineWhole) {
    const auto log = fresh_log("concurrent");
    constexpr int k_writers = 8;
    constexpr int k_checks_each = 25;
    std::vector<pid_t> children;
    for (int writer = 0; writer < k_writers; ++writer) {
        const pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            int failures = 0;
            for (int i = 0; i < k_checks_each; ++i) {
                // Each writer answers differently, so every line can be told apart.
                failures += run_contra({"check",
                                        "--audit-log",
                                        log.string(),
                                        "--audit-include-profile",
                                        "--age-years",
                                        std::to_string(20 + i),
                                        "--calf-circumference-difference-cm",
                                        std::to_string(writer)})
                                .code >= 64;
            }
            _exit(failures == 0 ? 0 : 1);
        }
        children.push_back(pid);
    }
    for (const pid_t child : children) {
        int status = 0;
        waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    const auto lines = lines_of(log);
    ASSERT_EQ(lines.size(), static_cast<std::size_t>(k_writers * k_checks_each));
    std::set<std::pair<double, double>> seen;
    for (const std::string& line : lines) {
        const auto record = nlohmann::json::parse(line); // throws on a torn line
        seen.emplace(record["profile"]["age_years"].get<double>(),
                     record["profile"]["calf_circumference_difference_cm"].get<double>());
    }
    EXPECT_EQ(seen.size(), lines.size());
    std::filesystem::remove(log);
}

} // namespace
} // namespace contra::cli
