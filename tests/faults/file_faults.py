#!/usr/bin/env python3
"""Hostile paths for every file contra writes on request (--audit-log, --body-map, --save,
--junit): a symbolic link (its target must stay as it was), a dangling link, a FIFO (no hang),
a folder, /dev/full, an input of the same run (by another name too), a missing folder. Each
must exit 73 naming the file. A file contra does write has mode 0600 whatever the umask, and
no temporary file is left behind.

    file_faults.py CONTRA_BINARY"""

import errno
import os
import stat

from faultlib import PROFILE, SMALL_PACK, Suite, private_copy, read_bytes, writers


def hostile_paths(suite, folder):
    """name -> a path in `folder` that contra must refuse to write, and a check afterwards."""
    target = os.path.join(folder, "target")
    with open(target, "w", encoding="utf-8") as file:
        file.write("must stay as it was\n")
    os.chmod(target, 0o600)  # so only the link, not the audit log's mode rule, refuses it
    link = os.path.join(folder, "link")
    os.symlink(target, link)
    dangling = os.path.join(folder, "dangling")
    os.symlink(os.path.join(folder, "nothing-here"), dangling)
    fifo = os.path.join(folder, "fifo")
    os.mkfifo(fifo, 0o600)
    sub = os.path.join(folder, "a-folder")
    os.mkdir(sub)
    return {
        "a symbolic link": (link, lambda label: (
            suite.expect(read_bytes(target) == b"must stay as it was\n",
                         f"{label}: the link's target was modified"),
            suite.expect(os.path.islink(link), f"{label}: the link was replaced"))),
        "a dangling symbolic link": (dangling, lambda label: suite.expect(
            not os.path.exists(os.path.join(folder, "nothing-here")),
            f"{label}: the link's target was created")),
        "a FIFO": (fifo, lambda label: suite.expect(
            stat.S_ISFIFO(os.lstat(fifo).st_mode), f"{label}: the FIFO was replaced")),
        "a folder": (sub, lambda label: suite.expect(os.listdir(sub) == [],
                                                     f"{label}: something was written inside")),
        "/dev/full": ("/dev/full", lambda label: None),
        "in a missing folder": (os.path.join(folder, "missing", "out"), lambda label: None),
    }


def inputs_of_the_run(suite, folder):
    """writer -> [(what, the command line writing over one of its own inputs, that input)]"""
    profile = private_copy(PROFILE, folder, "client.yaml")
    second_name = os.path.join(folder, "client-link.yaml")
    os.link(profile, second_name)
    pack = private_copy(SMALL_PACK, folder, "pack")
    pack_file = os.path.join(pack, "pack.yaml")
    suite_file = os.path.join(pack, "tests", "scenarios.yaml")
    rules = private_copy(os.path.join(os.path.dirname(SMALL_PACK), "..", "..", "rules"), folder,
                         "rules")
    rules_file = os.path.join(rules, "pack.yaml")
    audit_log = os.path.join(folder, "audit.log")
    with open(audit_log, "w", encoding="utf-8") as file:
        file.write("an earlier record\n")
    os.chmod(audit_log, 0o600)
    return {
        "body-map": [
            ("the profile", ["check", profile, "--body-map", profile], profile),
            ("the profile by a hard link", ["check", profile, "--body-map", second_name], profile),
            ("a pack file", ["check", profile, "--rules", rules, "--body-map", rules_file],
             rules_file),
            ("the audit log", ["check", profile, "--audit-log", audit_log, "--body-map",
                               audit_log], audit_log),
        ],
        "audit-log": [
            ("the profile", ["check", profile, "--audit-log", profile], profile),
            ("a pack file", ["check", profile, "--rules", rules, "--audit-log", rules_file],
             rules_file),
        ],
        "save": [("the starting profile", ["interview", profile, "--force", "--save", second_name],
                  profile)],
        "junit": [("a pack file", ["test", pack, "--junit", pack_file], pack_file),
                  ("a scenario suite", ["test", pack, "--junit", suite_file], suite_file)],
    }


def main():
    suite = Suite("files")
    for writer, (command, prefix) in writers().items():
        folder = suite.folder(writer)
        for name, (path, check_after) in hostile_paths(suite, folder).items():
            label = f"--{writer} to {name}"
            run = suite.run(command(path))
            suite.expect_cannot_write(run, label, prefix + path)
            if writer in ("body-map", "audit-log"):
                suite.expect(run.out == "", f"{label}: a verdict was printed: {run.out[:80]!r}")
            check_after(label)
            suite.expect_no_temporary_files(folder, label)
        # Written for real, with a umask that would let anyone read it: still 0600.
        written = os.path.join(folder, "written")
        run = suite.run(command(written), umask=0)
        suite.expect(run.code in (0, 3, 5, 65), f"--{writer}: exit {run.code}: {run.err!r}")
        suite.expect(os.path.isfile(written), f"--{writer}: {written} was not written")
        if os.path.isfile(written):
            suite.expect_mode_0600(written, f"--{writer} with umask 000")
        if writer != "audit-log":
            # Replacing an earlier file that anyone could read leaves one only its owner can.
            os.chmod(written, 0o644)
            suite.run(command(written), umask=0)
            suite.expect_mode_0600(written, f"--{writer} over a file of mode 0644")
        if writer != "audit-log":
            # A write cut short (here by a file size limit) leaves the earlier file as it was.
            before = read_bytes(written)
            run = suite.run(command(written), file_size_limit=2)
            suite.expect_cannot_write(run, f"--{writer} cut short", prefix + written,
                                      os.strerror(errno.EFBIG))
            suite.expect(read_bytes(written) == before, f"--{writer} cut short: a half file")
        suite.expect_no_temporary_files(folder, f"--{writer}")

    folder = suite.folder("inputs")
    for writer, cases in inputs_of_the_run(suite, folder).items():
        prefix = writers()[writer][1]
        for what, args, input_file in cases:
            before = read_bytes(input_file)
            run = suite.run(args)
            label = f"--{writer} over {what}"
            suite.expect_cannot_write(run, label, prefix + args[-1], "input of this run")
            suite.expect(read_bytes(input_file) == before, f"{label}: the input was modified")
    suite.expect_no_temporary_files(folder, "inputs")
    suite.finish()


if __name__ == "__main__":
    main()
