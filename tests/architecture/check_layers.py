#!/usr/bin/env python3
"""Fails when a file under src/ includes from a layer above its own (docs/ARCHITECTURE.md), or
when files include each other in a cycle (a.cpp includes b.hpp while b.cpp includes a.hpp).

Each folder of src/ is a layer; a file may include headers of its own layer and of the layers
listed for it below, nothing else of ours. Usage: check_layers.py SRC_DIR
"""
import pathlib
import re
import sys

# Layer -> the layers it may include from (besides itself). Keep in step with
# docs/ARCHITECTURE.md and src/CMakeLists.txt.
ALLOWED = {
    "util": set(),
    "model": {"util"},
    "yaml": {"util"},
    "pack": {"util", "model", "yaml"},
    "engine": {"util", "model"},
    "input": {"util", "model", "yaml"},
    "output": {"util", "model", "engine"},
    "batch": {"util", "model", "yaml", "engine", "input", "output"},
    "authoring": {"util", "model", "yaml", "pack", "engine", "input", "output"},
    "cli": {"util", "model", "yaml", "pack", "engine", "input", "output", "batch", "authoring"},
    "packc": {"util", "model", "yaml", "pack"},
}
# Third-party headers a layer must not see: the engine and the model know no file format.
FORBIDDEN_LIBRARIES = {
    "util": ("yaml-cpp/", "nlohmann/", "CLI/", "simdjson", "csv.h", "tinyxml2"),
    "model": ("yaml-cpp/", "nlohmann/", "CLI/", "simdjson", "csv.h", "tinyxml2"),
    "engine": ("yaml-cpp/", "nlohmann/", "CLI/", "simdjson", "csv.h", "tinyxml2"),
    "pack": ("nlohmann/", "CLI/", "simdjson", "csv.h", "tinyxml2"),
    "yaml": ("nlohmann/", "CLI/", "simdjson", "csv.h", "tinyxml2"),
}
OUR_INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/[^"]+"', re.M)
OUR_UNIT = re.compile(r'^\s*#\s*include\s+"([a-z_]+/[a-z_0-9]+)\.hpp"', re.M)
SYSTEM_INCLUDE = re.compile(r"^\s*#\s*include\s+<([^>]+)>", re.M)


def violations(files):
    """files: (layer, path, text) triples. Returns one message per forbidden include."""
    found = []
    for layer, path, text in files:
        if layer not in ALLOWED:
            found.append(f"{path}: folder '{layer}' is not a layer (add it to ALLOWED)")
            continue
        for match in OUR_INCLUDE.finditer(text):
            target = match.group(1)
            if target != layer and target not in ALLOWED[layer]:
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path}:{line}: layer '{layer}' includes from '{target}', "
                             f"which is not below it")
        for match in SYSTEM_INCLUDE.finditer(text):
            header = match.group(1)
            if any(header.startswith(bad) for bad in FORBIDDEN_LIBRARIES.get(layer, ())):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path}:{line}: layer '{layer}' must not see <{header}>")
    return found


def include_cycles(files):
    """files: (layer, path, text) triples. Returns each cycle between files, a file being its
    .hpp and .cpp together; a cycle means the two are one concept or a third is missing."""
    graph = {}
    for _, path, text in files:
        unit = path.rsplit(".", 1)[0]
        for match in OUR_UNIT.finditer(text):
            if match.group(1) != unit:
                graph.setdefault(unit, set()).add(match.group(1))
    cycles, state = [], {}

    def visit(unit, trail):
        state[unit] = "open"
        for target in sorted(graph.get(unit, ())):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[unit] = "done"

    for unit in sorted(graph):
        if unit not in state:
            visit(unit, [unit])
    return [" -> ".join(cycle) for cycle in cycles]


def self_test():
    """The checker itself must catch an upward include, or it passes everything."""
    bad = [("engine", "engine/x.cpp", '#include "output/render_text.hpp"\n'),
           ("model", "model/y.hpp", "#include <yaml-cpp/yaml.h>\n")]
    good = [("output", "output/z.cpp", '#include "engine/evaluator.hpp"\n')]
    assert len(violations(bad)) == 2, violations(bad)
    assert violations(good) == [], violations(good)
    cycle = [("output", "output/a.cpp", '#include "output/b.hpp"\n'),
             ("output", "output/b.cpp", '#include "output/a.hpp"\n')]
    assert len(include_cycles(cycle)) == 1, include_cycles(cycle)
    assert include_cycles(good) == [], include_cycles(good)


def main():
    self_test()
    src = pathlib.Path(sys.argv[1])
    files = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".cpp", ".hpp") or path.parent == src:
            continue
        layer = path.relative_to(src).parts[0]
        files.append((layer, str(path.relative_to(src)), path.read_text()))
    found = violations(files)
    cycles = include_cycles(files)
    for message in found:
        print(message)
    for cycle in cycles:
        print(f"include cycle: {cycle}")
    print(f"{len(files)} files in {len(ALLOWED)} layers: {len(found)} upward includes, "
          f"{len(cycles)} include cycles")
    return 1 if found or cycles else 0


if __name__ == "__main__":
    sys.exit(main())
