#!/usr/bin/env python3
"""The fuzz preset's test run gives each fuzz target 30 seconds at most (fuzz/run.sh is for long
runs), and README.md and fuzz/README.md say how long it is.

Usage: check_fuzz_seconds.py SOURCE_DIR
"""
import json
import pathlib
import re
import sys

MOST_SECONDS = 30


def main():
    root = pathlib.Path(sys.argv[1])
    presets = json.loads((root / "CMakePresets.json").read_text(encoding="utf-8"))
    fuzz = next(p for p in presets["configurePresets"] if p["name"] == "fuzz")
    seconds = fuzz["cacheVariables"].get("contra_fuzz_seconds")
    default = re.search(r"set\(contra_fuzz_seconds (\d+) CACHE",
                        (root / "fuzz/CMakeLists.txt").read_text(encoding="utf-8"))
    failures = []
    if seconds is None or int(seconds) > MOST_SECONDS:
        failures.append(f"the fuzz preset runs each target for {seconds} s, not at most "
                        f"{MOST_SECONDS}")
    if default is None or default.group(1) != seconds:
        failures.append(f"fuzz/CMakeLists.txt's default is not the preset's {seconds} s")
    for doc, wording in (("README.md", f"each fuzz target for {seconds} s"),
                         ("fuzz/README.md", f"a bounded time ({seconds} s;")):
        if wording not in " ".join((root / doc).read_text(encoding="utf-8").split()):
            failures.append(f"{doc} does not say '{wording}'")
    for failure in failures:
        print("FAIL", failure)
    print(f"fuzz preset: {seconds} s a target")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
