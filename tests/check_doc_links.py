#!/usr/bin/env python3
"""Fails when the repository's documentation points outside it.

Every relative link in every tracked *.md file must resolve to a file or folder of the
repository (an #anchor is allowed after it; links to http(s) sources are not checked here), and no
tracked text may name the private folder of the project's working notes (FORBIDDEN below): the
repository must be self-contained. Usage: check_doc_links.py REPO_ROOT
"""
import pathlib
import re
import subprocess
import sys

LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FORBIDDEN = ("../" + "shared", "/work/" + "shared")  # split so this file does not match itself


def tracked_files(root):
    listing = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], check=True,
                             capture_output=True).stdout
    return [name for name in listing.decode().split("\0") if name]


def link_problems(root, name, text):
    found = []
    for match in LINK.finditer(text):
        target = match.group(1)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            if not re.match(r"^(https?:|mailto:|#)", target):
                found.append(f"{name}: link to {target} leaves the repository")
            continue
        path = target.split("#", 1)[0]
        resolved = ((root / name).parent / path).resolve()
        line = text.count("\n", 0, match.start()) + 1
        if root.resolve() not in (resolved, *resolved.parents):
            found.append(f"{name}:{line}: link {target} leaves the repository")
        elif not resolved.exists():
            found.append(f"{name}:{line}: link {target} does not resolve")
    return found


def forbidden_problems(name, text):
    return [f"{name}:{text.count(chr(10), 0, text.index(word)) + 1}: names {word}"
            for word in FORBIDDEN if word in text]


def self_test(root):
    assert link_problems(root, "README.md", "[a](docs/nothing-here.md)") != []
    assert link_problems(root, "README.md", "[a](../elsewhere.md)") != []
    assert link_problems(root, "README.md", "[a](docs/limits.md#x) [b](https://e.org)") == []
    assert forbidden_problems("x", "see " + FORBIDDEN[0] + "/domain.md") != []


def main():
    root = pathlib.Path(sys.argv[1])
    self_test(root)
    found, markdown = [], 0
    for name in tracked_files(root):
        path = root / name
        if name.startswith("build/") or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += forbidden_problems(name, text)
        if name.endswith(".md"):
            markdown += 1
            found += link_problems(root, name, text)
    for message in found:
        print(message)
    print(f"{markdown} Markdown files checked: {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
