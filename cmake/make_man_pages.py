#!/usr/bin/env python3
"""Writes contra(1) and contra-COMMAND(1) for each command, gzipped, from the binary's own help
(`contra help`, `contra help COMMAND`), so the pages cannot drift from it. CLI11's help is laid
out as: description, "Usage:" line, then headed blocks ("Examples:", "Options:", ...) of
two-space-indented entries whose text starts at column 30, then the footer (free text and an
"Exit status:" block of right-aligned codes). EXTRA holds sections for contra(1) alone, as
help2man's include files do: "[SECTION]" lines, each followed by its text.

    make_man_pages.py CONTRA VERSION EXTRA OUTPUT_DIR
"""
import gzip
import os
import re
import subprocess
import sys

TEXT_COLUMN = 30


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.M)


def help_of(contra, command):
    args = [contra, "help"] + ([command] if command else [])
    env = dict(os.environ, NO_COLOR="1", COLUMNS="80")
    return subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout


def parse(text):
    """The help as (description, usage, [(heading, [entry lines])], footer paragraphs)."""
    lines = text.rstrip("\n").split("\n")
    usage_at = next(i for i, line in enumerate(lines) if line.startswith("Usage: "))
    description = " ".join(lines[:usage_at])
    usage = lines[usage_at][len("Usage: "):]
    blocks, paragraphs = [], []
    current = None
    for line in lines[usage_at + 1:]:
        if not line.strip():
            current = None
            paragraphs.append("")
        elif re.fullmatch(r"\S.*:", line) and (current is None or current[0] != "Exit status"):
            current = (line[:-1], [])
            blocks.append(current)
        elif current is not None:
            current[1].append(line)
        else:
            paragraphs[-1] += (" " if paragraphs[-1] else "") + line
    return description, usage, blocks, [p for p in paragraphs if p]


def entries(lines):
    """(name, text) pairs of an options block: text at column 30, or on lines below the name."""
    result = []
    for i, line in enumerate(lines):
        name_alone = i + 1 < len(lines) and lines[i + 1].startswith(" " * TEXT_COLUMN)
        if line.startswith(" " * TEXT_COLUMN):
            name, text = result.pop()
            result.append((name, (text + " " + line.strip()).strip()))
        elif not name_alone and len(line) > TEXT_COLUMN and line[TEXT_COLUMN - 1] == " ":
            result.append((line[:TEXT_COLUMN].strip(), line[TEXT_COLUMN:].strip()))
        else:
            result.append((line.strip(), ""))
    return result


def option_names(name):
    """'--format text|json (default: text)' as bold names and the rest in roman."""
    names, _, rest = name.partition(" ")
    bold = ", ".join(f"\\fB{roff(n)}\\fR" for n in names.split(","))
    return bold + (" " + roff(rest) if rest else "")


def render_options(out, lines, command_names=False):
    for name, text in entries(lines):
        out.append(".TP")
        if command_names:
            out.append(f"\\fB{roff(name)}\\fR")
            out.append(roff(text) + f" (\\%\\fBcontra\\-{roff(name)}\\fR(1))")
        else:
            out.append(option_names(name))
            out.append(roff(text))


def render_examples(out, lines):
    for line in lines:
        command, _, what = line.strip().partition("  ")
        out.append(".TP")
        out.append(f"\\fB{roff(command.strip())}\\fR")
        out.append(roff(what.strip()) if what.strip() else "")


def render_exit_status(out, lines):
    codes = []
    for line in lines:
        match = re.fullmatch(r"\s*(\d+) (.*)", line)
        if match:
            codes.append([match[1], match[2]])
        elif line.startswith(" "):
            codes[-1][1] += " " + line.strip()
        else:
            codes.append([None, line])
    for code, text in codes:
        if code is None:
            out += [".PP", roff(text)]
        else:
            out += [".TP", f"\\fB{code}\\fR", roff(text)]


def page(name, version, help_text, commands, extra):
    description, usage, blocks, paragraphs = parse(help_text)
    summary = description.split(":", 1)[-1].strip() if name == "contra" else description
    out = [f'.TH {name.upper()} 1 "" "contra {version}" "User Commands"',
           ".SH NAME", f"{roff(name)} \\- {roff(summary)}",
           ".SH SYNOPSIS", f"\\fB{roff(usage.split(' [', 1)[0])}\\fR "
           + roff(usage.split(" ", 2)[2] if name != "contra" else usage.split(" ", 1)[1]),
           ".SH DESCRIPTION"]
    for text in extra.get("DESCRIPTION", [description]):
        out += [".PP", roff(text)]
    for text in paragraphs:
        out += [".PP", roff(text)]
    sections = {"Positionals": "ARGUMENTS", "Options": "OPTIONS", "Subcommands": "COMMANDS"}
    examples, exit_status = [], []
    for heading, lines in blocks:
        if heading == "Examples":
            examples = lines
        elif heading == "Exit status":
            exit_status = lines
        elif heading in sections:
            out.append(f".SH {sections[heading]}")
            render_options(out, lines, command_names=heading == "Subcommands")
        else:  # a group of options of its own, e.g. the answers of check
            out += [".SS " + roff(heading)]
            render_options(out, lines)
    out.append(".SH EXAMPLES")
    render_examples(out, examples)
    out.append(".SH \"EXIT STATUS\"")
    render_exit_status(out, exit_status)
    for section, texts in extra.items():
        if section != "DESCRIPTION" and section != "SEE ALSO":
            out.append(f'.SH "{section}"')
            for text in texts:
                out += [".PP", roff(text)]
    out.append('.SH "SEE ALSO"')
    others = ["contra"] + [f"contra-{c}" for c in commands]
    out.append(",\n".join(f"\\%\\fB{roff(o)}\\fR(1)" for o in others if o != name))
    for text in extra.get("SEE ALSO", []):
        out += [".PP", roff(text)]
    return "\n".join(line for line in out if line != "") + "\n"


def read_extra(path):
    sections, current = {}, None
    with open(path, encoding="utf-8") as file:
        for paragraph in file.read().split("\n\n"):
            for line in paragraph.strip().split("\n"):
                match = re.fullmatch(r"\[(.+)\]", line)
                if match:
                    current = sections.setdefault(match[1], [])
                    current.append("")
                elif current is not None:
                    current[-1] += (" " if current[-1] else "") + line
            if current is not None and current[-1]:
                current.append("")
    return {section: [t for t in texts if t] for section, texts in sections.items()}


def write_gzipped(path, text):
    # No name and no time in the header: the same help gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                               compresslevel=9, mtime=0) as file:
        file.write(text.encode("utf-8"))


def main(contra, version, extra_path, output_dir):
    top = help_of(contra, "")
    _, _, blocks, _ = parse(top)
    commands = [name for name, _ in entries(dict(blocks)["Subcommands"])]
    os.makedirs(output_dir, exist_ok=True)
    write_gzipped(os.path.join(output_dir, "contra.1.gz"),
                  page("contra", version, top, commands, read_extra(extra_path)))
    for command in commands:
        write_gzipped(os.path.join(output_dir, f"contra-{command}.1.gz"),
                      page(f"contra-{command}", version, help_of(contra, command), commands, {}))


if __name__ == "__main__":
    main(*sys.argv[1:])
