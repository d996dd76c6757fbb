#!/usr/bin/env python3
"""A full disk, on a small tmpfs mounted for the test (as root, as in CI; SKIP otherwise):
standard output to a file there and every requested file there must exit 73 with "No space
left on device", leave an earlier file as it was and no half-written or temporary file.

    full_disk_faults.py CONTRA_BINARY"""

import errno
import os
import subprocess

from faultlib import CANNOT_WRITE, PROFILE, Suite, read_bytes, writers


def fill(folder):
    """Writes a file until the file system is full."""
    with open(os.path.join(folder, "filler"), "wb", buffering=0) as file:
        try:
            while True:
                file.write(b"\0" * 4096)
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise


def main():
    suite = Suite("full-disk")
    disk = suite.folder("disk")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", disk],
                             stderr=subprocess.PIPE, check=False)
    if mounted.returncode != 0:
        suite.skip("cannot mount a tmpfs to fill (needs root): "
                   + mounted.stderr.decode(errors="replace").strip())
    try:
        earlier = {}
        for writer, (command, _) in writers().items():
            if writer != "audit-log":  # a new log is the case here: an old one has room left
                path = os.path.join(disk, f"earlier-{writer}")
                suite.run(command(path))
                earlier[writer] = read_bytes(path)
        fill(disk)
        full = f": {os.strerror(errno.ENOSPC)}"
        with open(os.path.join(disk, "filler"), "ab") as stdout:
            run = suite.run(["check", PROFILE], stdout=stdout)
        suite.expect(run.code == CANNOT_WRITE, f"stdout on a full disk: exit {run.code}")
        suite.expect(run.err == f"contra: cannot write standard output{full}\n",
                     f"stdout on a full disk: {run.err!r}")
        for writer, (command, prefix) in writers().items():
            new = os.path.join(disk, f"new-{writer}")
            run = suite.run(command(new))
            suite.expect_cannot_write(run, f"new --{writer} on a full disk", prefix + new, full)
            if writer == "audit-log":
                suite.expect(read_bytes(new) == b"", "a full disk: part of a record was logged")
                suite.expect("the verdict above was shown but not logged" in run.err,
                             f"a full disk: {run.err!r}")
                continue
            suite.expect(not os.path.exists(new), f"new --{writer} on a full disk: a half file")
            path = os.path.join(disk, f"earlier-{writer}")
            run = suite.run(command(path))
            suite.expect_cannot_write(run, f"--{writer} over a file on a full disk", prefix + path,
                                      full)
            suite.expect(read_bytes(path) == earlier[writer],
                         f"--{writer} on a full disk: the earlier file was changed")
        suite.expect_no_temporary_files(disk, "a full disk")
    finally:
        subprocess.run(["umount", disk], check=False)
    suite.finish()


if __name__ == "__main__":
    main()
