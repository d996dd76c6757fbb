#!/usr/bin/env python3
"""Validates real output of the binary against docs/schema/contra-result.schema.json: every
example checked with --format json (and with --explain), and every line of batches that hold
results and error lines, in full and with --detail ids. Usage: check_json_schema.py CONTRA_BINARY"""
import json
import pathlib
import subprocess
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
binary = sys.argv[1]
schema = json.loads((root / "docs/schema/contra-result.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)


def run(*args):
    return subprocess.run([binary, *args], cwd=root, capture_output=True, text=True).stdout


documents = []
for example in sorted((root / "examples").glob("*.*")):
    if example.suffix in (".yaml", ".json"):
        documents.append((example.name, json.loads(run("check", str(example), "--format", "json"))))
documents.append(("--explain", json.loads(run("check", "examples/suspected-dvt.yaml", "--format", "json", "--explain"))))
# Errors as data: one error report per class check can hit, and a report carrying the profile's id.
error_runs = {
    "usage 64": ["check", "--format", "json", "--leg-warmht"],
    "bad profile 65": ["check", "tests/bad-input/profile-json-syntax-missing-value/profile.json", "--format", "json"],
    "unknown fact 65": ["check", "tests/bad-input/profile-json-unknown-fact-located/profile.json", "--format", "json"],
    "missing profile 66": ["check", "no-such-profile.yaml", "--format", "json"],
    "audit log 73": ["check", "--suspected-dvt", "--format", "json", "--audit-log", "no-such-folder/audit.log"],
    "bad pack 78": ["check", "--suspected-dvt", "--format", "json", "--rules", "tests"],
}
for name, args in error_runs.items():
    document = json.loads(run(*args))
    if "errors" not in document or "verdict" in document:
        print(f"{name}: not an error report: {document}")
        sys.exit(1)
    documents.append((name, document))
documents.append(("id", json.loads(run("check", "tests/e2e/check-id-json/profile.json", "--format", "json"))))
batches = [("batch ndjson", ["batch", "tests/data/batch/intake.ndjson"]),
           ("batch yaml", ["batch", "tests/data/batch/intake.yaml"]),
           ("batch csv", ["batch", "examples/batch/intake.csv", "--columns", "examples/batch/columns.yaml"])]
# The web-form exports: lines with `meta`, and error lines (not UTF-8, an unknown site) with it.
for form, options in [("google-forms", []), ("jotform", []),
                      ("microsoft-forms", ["--encoding", "windows-1252"]), ("microsoft-forms", [])]:
    batches.append((f"batch {form} {' '.join(options)}",
                    ["batch", f"examples/forms/{form}/responses.csv",
                     "--columns", f"examples/forms/{form}/columns.yaml", *options]))
batches += [(f"{name} --detail ids", [*args, "--detail", "ids"]) for name, args in batches]
kinds = set()
for name, args in batches:
    for number, line in enumerate(run(*args).splitlines(), 1):
        document = json.loads(line)
        kinds.add("error" if "errors" in document else "ids" if "detail" in document else "result")
        documents.append((f"{name} line {number}", document))

failures = 0
for name, document in documents:
    for error in validator.iter_errors(document):
        failures += 1
        print(f"{name}: {error.json_path}: {error.message}")
# The schema must also refuse what the contract forbids: a line with both a verdict and errors.
if validator.is_valid({"record": 1, "errors": [], "verdict": "proceed"}):
    failures += 1
    print("the schema accepts an error line with a verdict")
# A line of --detail ids is never taken for a full one, nor the other way round.
if validator.is_valid({"record": 1, "schema_version": 1, "detail": "ids", "verdict": "proceed",
                       "established": "proceed", "verdict_rests_on_assumptions": False,
                       "avoid": [], "no_pressure": [], "findings": [{"rule": "R1", "level": "proceed",
                       "cleared": False, "notes": [], "assumed_facts": [], "title": "text"}],
                       "could_fire": [], "unanswered": [], "pack": {"name": "p", "version": "1",
                       "sha256": "0" * 64}}):
    failures += 1
    print("the schema accepts a text in a --detail ids line")
if kinds != {"error", "result", "ids"}:
    failures += 1
    print(f"the batches gave only {kinds}")
print(f"{len(documents)} documents validated, {failures} failures")
sys.exit(1 if failures else 0)
