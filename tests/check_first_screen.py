#!/usr/bin/env python3
"""The text report's first screen, against the real binary at 80x24 (COLUMNS=80, standard output
a pipe): for every example profile that `check` accepts and every `contra check` command line in
README.md, the verdict, each finding's line and the sites are within the first 24 lines, and no
line is wider than 80 columns (code points), also with --explain, --brief, --verbose and in
`contra explain` and in the interview. For emergency and do_not_massage the instruction is the last line, also after
--explain, --brief and an interview.

Usage: check_first_screen.py CONTRA_BINARY
"""
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
WIDTH = 80
HEIGHT = 24
CLOSING = {
    "emergency": "EMERGENCY: call emergency services now (999/112/911); stay with the client.",
    "do_not_massage": "DO NOT MASSAGE today (no massage at all); follow the instructions above.",
}
failures = []


def run(binary, args, stdin=""):
    env = dict(os.environ, COLUMNS=str(WIDTH), NO_COLOR="1")
    return subprocess.run([binary, *args], cwd=ROOT, env=env, input=stdin.encode(),
                          capture_output=True, check=False)


def fail(label, message):
    failures.append(f"{label}: {message}")


def check_lines_fit(label, lines):
    """No line is wider than the terminal, but for one word (a URL) alone: words are never broken."""
    for number, line in enumerate(lines, 1):
        if len(line) > WIDTH and " " in line.strip():
            fail(label, f"line {number} is {len(line)} columns wide: {line!r}")


def block_end(lines, start):
    """The index after a finding's line and its continuation lines (deeper indented)."""
    end = start + 1
    while end < len(lines) and lines[end].startswith(" " * 8):
        end += 1
    return end


def check_first_screen(label, lines, report):
    headline = report["verdict"].replace("_", " ").upper()
    if lines[:1] != [headline]:
        fail(label, f"the first line is not the verdict {headline}")
    for finding in report["findings"]:
        prefix = f"  {finding['rule']:<5} "
        index = next((i for i, line in enumerate(lines) if line.startswith(prefix)), None)
        if index is None:
            fail(label, f"no line for finding {finding['rule']}")
        elif block_end(lines, index) > HEIGHT:
            fail(label, f"finding {finding['rule']} ends on line {block_end(lines, index)}")
    for key, heading in (("avoid", "  Avoid:"), ("no_pressure", "  Light touch only:")):
        if not report[key]:
            continue
        index = next((i for i, line in enumerate(lines) if line.startswith(heading)), None)
        if index is None or index >= HEIGHT:
            fail(label, f"'{heading.strip()}' is not within the first {HEIGHT} lines")


def check_closing(label, lines, verdict):
    if verdict in CLOSING and lines[-1:] != [CLOSING[verdict]]:
        fail(label, f"the last line is {lines[-1:]}, not the {verdict} instruction")


def check_command_line(binary, label, args):
    text = run(binary, args)
    if text.returncode > 5:
        return False
    report = json.loads(run(binary, [*args, "--format", "json"]).stdout)
    lines = text.stdout.decode("utf-8").splitlines()
    check_lines_fit(label, lines)
    check_first_screen(label, lines, report)
    check_closing(label, lines, report["verdict"])
    for extra in (["--brief"], ["--explain"], ["--verbose"]):
        more = run(binary, [*args, *extra]).stdout.decode("utf-8").splitlines()
        check_lines_fit(f"{label} {' '.join(extra)}", more)
        check_closing(f"{label} {' '.join(extra)}", more, report["verdict"])
    return True


def readme_check_lines():
    """The argument lists of README's `contra check` lines, text output only."""
    found = []
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        match = re.search(r"\bcontra check (.*)", line)
        if not match or "`" in line:
            continue
        args = shlex.split(match.group(1), comments=True)
        if "--format" not in args and "-" not in args:
            found.append(["check", *args])
    return found


def main():
    binary = sys.argv[1]
    examples = sorted(p.relative_to(ROOT) for p in (ROOT / "examples").rglob("*")
                      if p.suffix in (".yaml", ".json"))
    tested = [str(p) for p in examples
              if check_command_line(binary, str(p), ["check", str(p)])]
    readme = [args for args in readme_check_lines()
              if check_command_line(binary, "README: contra " + shlex.join(args), args)]
    if len(tested) < 10 or len(readme) < 3:
        fail("coverage", f"only {len(tested)} examples and {len(readme)} README lines checked")
    for args in [["explain", *p] for p in tested] + [
            ["explain", "--suspected-dvt", "--modality", "mld_legs"],
            ["explain", "--all", "--modality", "mld_legs"]]:
        check_lines_fit("contra " + shlex.join(args),
                        run(binary, args).stdout.decode("utf-8").splitlines())
    # The interview's questions, hints, explanations (?) and messages (an answer it cannot
    # read) are laid out to the width too, for every treatment.
    for modality in ("vascular_leg_massage", "mld_legs", "mld_body", "lymphatic_facial",
                     "spider_vein_massage"):
        asked = run(binary, ["interview", "--modality", modality], stdin="?\nn\nxx\n" * 40)
        # Standard input is not echoed here: what follows a prompt starts a line on a terminal.
        check_lines_fit(f"contra interview --modality {modality}",
                        [re.sub(r"^[a-z_0-9]+> ", "", line)
                         for line in asked.stdout.decode("utf-8").splitlines()])
    interview = run(binary, ["interview"], stdin="y\ny\n")
    check_closing("interview answering yes to sudden breathlessness",
                  interview.stdout.decode("utf-8").splitlines(), "emergency")
    for failure in failures:
        print("FAIL", failure)
    print(f"checked {len(tested)} examples and {len(readme)} README command lines")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
