#!/usr/bin/env python3
"""Fails when rules/REFERENCE.md and the bundled pack drift apart.

Every rule of the pack must have a row in REFERENCE.md starting `| ID | `name` | `level` |
clearable |`, every fact must appear as `fact_id`, and no rule row may name an id the pack does
not hold. Usage: check_reference_doc.py REPO_ROOT
"""
import pathlib
import re
import sys

import yaml

ROW = re.compile(r"^\| (R\w+) \| `(\w+)` \| `(\w+)` \| (yes|no) \|", re.M)


def pack_rules(rules_dir):
    manifest = yaml.safe_load((rules_dir / "pack.yaml").read_text())
    rules, facts = {}, []
    for name in manifest["pack"]["files"]:
        document = yaml.safe_load((rules_dir / name).read_text()) or {}
        for rule in document.get("rules", []):
            clearable = "yes" if rule.get("clearable") else "no"
            rules[rule["id"]] = (rule["name"], rule["level"], clearable)
        facts += [fact["id"] for fact in document.get("facts", [])]
    return rules, facts


def problems(rules, facts, reference):
    rows = {m.group(1): m.group(2, 3, 4) for m in ROW.finditer(reference)}
    found = []
    for rule_id, expected in rules.items():
        if rule_id not in rows:
            found.append(f"rule {rule_id} ({expected[1]}) has no row in rules/REFERENCE.md")
        elif rows[rule_id] != expected:
            found.append(f"rule {rule_id}: REFERENCE.md says (name, level, clearable) = "
                         f"{rows[rule_id]}, the pack {expected}")
    found += [f"REFERENCE.md lists rule {rule_id}, which the pack does not hold"
              for rule_id in rows if rule_id not in rules]
    found += [f"fact {fact} is not in rules/REFERENCE.md" for fact in facts
              if f"`{fact}`" not in reference]
    return found


def self_test():
    rules = {"R01": ("pe", "emergency", "no")}
    assert problems(rules, ["f"], "| R01 | `pe` | `emergency` | no |\n`f`") == []
    assert len(problems(rules, ["f"], "| R01 | `pe` | `do_not_massage` | no |\n")) == 2
    assert len(problems(rules, [], "| R01 | `pe` | `emergency` | no |\n"
                                    "| R02 | `x` | `emergency` | no |\n")) == 1


def main():
    self_test()
    root = pathlib.Path(sys.argv[1])
    rules, facts = pack_rules(root / "rules")
    found = problems(rules, facts, (root / "rules" / "REFERENCE.md").read_text())
    for message in found:
        print(message)
    print(f"{len(rules)} rules and {len(facts)} facts checked: {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
