#!/usr/bin/env python3
"""Standard output that cannot be written: /dev/full, closed, a pipe whose reader has gone while
SIGPIPE is ignored (as under systemd). Every command that prints a result must then exit 73 with
"contra: cannot write standard output: REASON", never 0 or a verdict's code.

    stdout_faults.py CONTRA_BINARY"""

import errno
import os
import subprocess

from faultlib import CANNOT_WRITE, PROFILE, SMALL_PACK, Suite

# Each command that writes a result to standard output, with the exit code it gives when
# standard output works (so a failure cannot hide behind a lucky code).
COMMANDS = {
    "check": (["check", PROFILE], 3),
    "check --format json": (["check", PROFILE, "--format", "json"], 3),
    "check --explain": (["check", PROFILE, "--explain"], 3),
    "explain": (["explain", PROFILE], 3),
    "questions": (["questions"], 0),
    "questions --format fhir": (["questions", "--format", "fhir"], 0),
    "rules": (["rules"], 0),
    "facts": (["facts", "--format", "json"], 0),
    "lint": (["lint", "rules"], 0),
    "test": (["test", SMALL_PACK], 65),
    "completion": (["completion", "bash"], 0),
    "interview": (["interview"], 5),
    "--version": (["--version"], 0),
    "--help": (["--help"], 0),
}


def broken_pipe():
    """The write end of a pipe whose read end is already closed."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    return write_end


def main():
    suite = Suite("stdout")
    for name, (args, code) in COMMANDS.items():
        works = suite.run(args)
        suite.expect(works.code == code and works.out,
                     f"{name}: with a working standard output: exit {works.code}, expected {code}")
        faults = {
            "/dev/full": (lambda: suite.run(args, stdout=open("/dev/full", "wb")), errno.ENOSPC),
            "closed": (lambda: suite.run(args, stdout=None, close_stdout=True), errno.EBADF),
            "broken pipe, SIGPIPE ignored": (
                lambda: suite.run(args, stdout=broken_pipe(), ignore_sigpipe=True), errno.EPIPE),
        }
        for fault, (run_with_fault, error) in faults.items():
            run = run_with_fault()
            label = f"{name} with standard output {fault}"
            suite.expect(run.code == CANNOT_WRITE,
                         f"{label}: exit {run.code}, expected {CANNOT_WRITE}")
            expected = f"contra: cannot write standard output: {os.strerror(error)}\n"
            suite.expect(run.err.endswith(expected), f"{label}: stderr {run.err!r}")
    # A closed standard output must not be taken over by a file contra opens afterwards.
    log = os.path.join(suite.folder("closed"), "audit.log")
    run = suite.run(["check", PROFILE, "--audit-log", log], stdout=None, close_stdout=True)
    suite.expect(run.code == CANNOT_WRITE, f"closed stdout with an audit log: exit {run.code}")
    with open(log, encoding="utf-8") as file:
        suite.expect(file.read() == "", "closed stdout: the report went into the audit log, or "
                     "a decision that was never shown was logged")
    suite.expect("the decision was not logged" in run.err, f"closed stdout: {run.err!r}")
    suite.finish()


if __name__ == "__main__":
    main()
