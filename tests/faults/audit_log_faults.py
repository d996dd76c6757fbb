#!/usr/bin/env python3
"""The audit log's guarantees (docs/audit-log.md): refused when others may read or write it
(with the chmod that fixes it), a record cut by an earlier failure never glues onto the next,
and a decision is logged only after everything shown with it was written.

    audit_log_faults.py CONTRA_BINARY"""

import json
import os

from faultlib import CANNOT_WRITE, PROFILE, Suite, read_bytes

EARLIER = b'{"earlier":"record"}\n'


def fresh_log(folder, name, content=EARLIER, mode=0o600):
    path = os.path.join(folder, name)
    with open(path, "wb") as file:
        file.write(content)
    os.chmod(path, mode)
    return path


def main():
    suite = Suite("audit-log")
    folder = suite.folder("logs")

    for mode in (0o644, 0o640, 0o606, 0o620, 0o660):
        log = fresh_log(folder, f"mode-{mode:o}", mode=mode)
        run = suite.run(["check", PROFILE, "--audit-log", log])
        label = f"a log of mode {mode:04o}"
        suite.expect_cannot_write(run, label, f"the audit log {log}", f"chmod 600 {log}")
        suite.expect(run.out == "", f"{label}: a verdict was printed")
        suite.expect(read_bytes(log) == EARLIER, f"{label}: the log was changed")

    cut = fresh_log(folder, "cut", EARLIER + b'{"time":"2026-')
    run = suite.run(["check", PROFILE, "--audit-log", cut])
    suite.expect(run.code == 3, f"a cut record: exit {run.code}: {run.err!r}")
    suite.expect("did not end with a newline" in run.err and cut in run.err,
                 f"a cut record: no warning: {run.err!r}")
    lines = read_bytes(cut).split(b"\n")
    suite.expect(lines[:2] == [EARLIER.rstrip(b"\n"), b'{"time":"2026-'] and lines[-1] == b"",
                 f"a cut record: {lines!r}")
    record = json.loads(lines[2]) if len(lines) == 4 else {}
    suite.expect(record.get("verdict") == "do_not_massage", f"a cut record: new line {lines!r}")

    # A record cut short (here by a file size limit) is a failure, and the next run repairs it.
    short = fresh_log(folder, "short")
    run = suite.run(["check", PROFILE, "--audit-log", short],
                    file_size_limit=len(EARLIER) + 10)
    suite.expect_cannot_write(run, "a record cut short", f"the audit log {short}",
                              "only 10 of the record's", "shown but not logged")
    suite.expect(read_bytes(short) == EARLIER + b'{"time":"2', f"cut short: {read_bytes(short)!r}")
    run = suite.run(["check", PROFILE, "--audit-log", short])
    lines = read_bytes(short).split(b"\n")
    suite.expect(run.code == 3 and "did not end with a newline" in run.err and len(lines) == 4
                 and json.loads(lines[2]).get("verdict") == "do_not_massage",
                 f"after a record cut short: exit {run.code}, {run.err!r}, {lines!r}")

    shown_first = {
        "standard output is /dev/full": (
            [], {"stdout": open("/dev/full", "wb")}, "the decision was not logged"),
        "the body map cannot be written": (
            ["--body-map", os.path.join(folder, "missing", "map.svg")], {},
            "no verdict was given"),
    }
    for fault, (extra, how, message) in shown_first.items():
        log = fresh_log(folder, "not-shown")
        run = suite.run(["check", PROFILE, "--audit-log", log] + extra, **how)
        suite.expect(run.code == CANNOT_WRITE, f"{fault}: exit {run.code}")
        suite.expect(message in run.err, f"{fault}: {run.err!r}")
        suite.expect(read_bytes(log) == EARLIER, f"{fault}: a decision never shown was logged")

    log = fresh_log(folder, "shown")
    run = suite.run(["check", PROFILE, "--audit-log", log, "--body-map",
                     os.path.join(folder, "map.svg")])
    suite.expect(run.code == 3 and "do_not_massage" in run.out, f"a logged check: {run.err!r}")
    suite.expect(read_bytes(log).startswith(EARLIER) and read_bytes(log).count(b"\n") == 2,
                 "a logged check: not exactly one record appended")

    new = os.path.join(folder, "new.log")
    suite.run(["check", PROFILE, "--audit-log", new], umask=0)
    suite.expect_mode_0600(new, "a new log with umask 000")
    suite.finish()


if __name__ == "__main__":
    main()
