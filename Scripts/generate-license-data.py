#!/usr/bin/env python3
"""Writes Sources/PedigreeLicenses/Data/licenses-generated.json: terms for every license of the SPDX
License List and every key of ScanCode LicenseDB that the curated knowledge-base.json does not cover.

Each license gets the rule that decided it (a family of Scripts/license-rules.json, else the default of
its ScanCode category) and, where the rules say so, the group of copyleft licenses that may absorb it.
The rules carry the properties and the reason; the data file names the rule per license, so the file
stays small and every decision can be traced to one written reason. Curated entries (knowledge-base.json)
are never repeated: they stay the one source of truth for what they cover.

ScanCode LicenseDB (https://scancode-licensedb.aboutcode.org) is data of nexB Inc. and others under
CC-BY-4.0; the generated file credits it.

usage: Scripts/generate-license-data.py [SPDX_JSON_DIR SCANCODE_DIR]
       (defaults: ../shared/corpus/license-data/spdx__license-list-data@v3.27.0/json and
        ../shared/corpus/license-data/aboutcode-org__scancode-licensedb)

Only the Python standard library is used.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(ROOT, "Sources", "PedigreeLicenses", "Data")
CURATED = os.path.join(DATA_DIR, "knowledge-base.json")
OUTPUT = os.path.join(DATA_DIR, "licenses-generated.json")
RULES = os.path.join(ROOT, "Scripts", "license-rules.json")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "license-data")
DEFAULT_SPDX = os.path.join(CORPUS, "spdx__license-list-data@v3.27.0", "json")
DEFAULT_SCANCODE = os.path.join(CORPUS, "aboutcode-org__scancode-licensedb")
RULE_KEYS = ("copyleft", "category", "commercial", "derivativesAllowed", "useRestrictionsFlowDown",
             "hostedServiceForbidden")
ABSORBING = ("strong", "network", "weak-library")


def reject_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError("duplicate key %r" % key)
        seen[key] = value
    return seen


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=reject_duplicates)


def front_matter(path):
    """The flat `key: value` fields of a .LICENSE file's YAML front matter (lists are not needed)."""
    fields = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or lines[0].strip() != "---":
        return fields
    for line in lines[1:]:
        if line.strip() == "---":
            break
        match = re.match(r"^([a-z_]+):\s*(.*)$", line)
        if match and match.group(2):
            value = match.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            fields[match.group(1)] = value
    return fields


def is_alias(name, spdx_ids):
    """ScanCode's `LicenseRef-scancode-…` names and deprecated SPDX ids it maps to a license."""
    listed = spdx_ids.get(name.lower())
    return name.startswith("LicenseRef-") or bool(listed and listed.get("isDeprecatedLicenseId"))


def curated_ids(curated):
    ids = {}
    for section in ("licenses", "modelLicenses"):
        for entry in curated[section]:
            ids[entry["id"].lower()] = entry["id"]
    return ids


class Rules:
    def __init__(self, data):
        self.data = data
        self.families = [(family, [re.compile(pattern + "$") for pattern in family["match"]])
                         for family in data["families"]]
        self.overrides = {k: v for k, v in data["absorbedByOverrides"].items() if not k.startswith("_")}

    def decide(self, key, category):
        """(rule name, rule) for a ScanCode key or lower-cased SPDX id; None for skipped categories."""
        for family, patterns in self.families:
            if any(pattern.match(key) for pattern in patterns):
                return "family:" + family["name"], family
        if category is None or category in self.data["skipCategories"]:
            return None
        return "category:" + category, self.data["categories"][category]

    def absorbed_by(self, key, rule):
        return self.overrides.get(key, rule["absorbedBy"])


def rule_record(rule):
    record = {k: rule[k] for k in RULE_KEYS if k in rule}
    record.setdefault("commercial", "allowed")
    record["reason"] = rule["reason"]
    record["sources"] = rule.get("sources", [])
    return record


def scancode_licenses(scancode_dir):
    index = load_json(os.path.join(scancode_dir, "index.json"))
    result = []
    for item in index:
        fields = front_matter(os.path.join(scancode_dir, "licenses", item["license"]))
        result.append({
            "key": item["license_key"],
            "category": item["category"],
            "spdx": item.get("spdx_license_key") or "",
            "otherSPDX": list(item.get("other_spdx_license_keys") or []),
            "exception": bool(item.get("is_exception")),
            "deprecated": bool(item.get("is_deprecated")),
            "replacedBy": fields.get("replaced_by"),
            "name": fields.get("name") or item["license_key"],
        })
    return result


def main():
    spdx_dir = sys.argv[1] if len(sys.argv) > 2 else DEFAULT_SPDX
    scancode_dir = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SCANCODE
    rules = Rules(load_json(RULES))
    curated = load_json(CURATED)
    covered = curated_ids(curated)
    spdx = load_json(os.path.join(spdx_dir, "licenses.json"))
    spdx_ids = {item["licenseId"].lower(): item for item in spdx["licenses"]}
    scancode = scancode_licenses(scancode_dir)

    entries, aliases, used_rules, skipped, spdx_skipped = {}, {}, {}, [], set()
    by_key = {}
    for item in scancode:
        if item["exception"] or item["deprecated"]:
            continue
        spdx_id = item["spdx"]
        is_spdx = spdx_id.lower() in spdx_ids
        license_id = spdx_ids[spdx_id.lower()]["licenseId"] if is_spdx else "LicenseRef-scancode-" + item["key"]
        scancode_ref = "LicenseRef-scancode-" + item["key"]
        by_key[item["key"]] = license_id
        if license_id.lower() in covered:
            canonical = covered[license_id.lower()]
            for alias in [scancode_ref] + item["otherSPDX"]:
                if alias.lower() != canonical.lower() and is_alias(alias, spdx_ids):
                    aliases[alias] = canonical
            continue
        decision = rules.decide(item["key"], item["category"])
        if decision is None:
            skipped.append(item["key"])
            by_key[item["key"]] = None
            spdx_skipped.add(license_id.lower())
            continue
        rule_name, rule = decision
        used_rules[rule_name] = rule
        entry = {"id": license_id, "name": spdx_ids[spdx_id.lower()]["name"] if is_spdx else item["name"],
                 "scancode": item["key"], "rule": rule_name}
        absorbed = rules.absorbed_by(item["key"], rule)
        if absorbed != "none":
            entry["absorbedBy"] = absorbed
        extra = sorted({a for a in [scancode_ref] + item["otherSPDX"]
                        if is_alias(a, spdx_ids) and a.lower() != license_id.lower()})
        if extra:
            entry["aliases"] = extra
        entries[license_id.lower()] = entry

    # Deprecated ScanCode keys name their replacement: keep the old LicenseRef as an alias of it.
    for item in scancode:
        if item["deprecated"] and not item["exception"] and by_key.get(item["replacedBy"]):
            aliases.setdefault("LicenseRef-scancode-" + item["key"], by_key[item["replacedBy"]])

    # SPDX ids ScanCode does not know: only a family decides them (deprecated ones resolve through
    # their replacement elsewhere); none is left to a guess.
    for lower, item in spdx_ids.items():
        if lower in entries or lower in covered or lower in spdx_skipped or item.get("isDeprecatedLicenseId"):
            continue
        rule_name, rule = rules.decide(lower, None) or (None, None)
        if rule_name and rule_name.startswith("family:"):
            used_rules[rule_name] = rule
            entries[lower] = {"id": item["licenseId"], "name": item["name"], "rule": rule_name}
        else:
            skipped.append(item["licenseId"])

    decided = {e["id"]: used_rules[e["rule"]] for e in entries.values() if e["rule"].startswith("family:")}
    for section in ("licenses",):
        for entry in curated[section]:
            decided[entry["id"]] = entry
    groups = build_groups(rules.data, decided, spdx_ids)
    write(entries, aliases, used_rules, groups, rules.data, spdx["licenseListVersion"], skipped)


def build_groups(rules, decided, spdx_ids):
    """Expands each group: `notice-only` to every SPDX-listed strong, network or weak-library license."""
    groups = {}
    for name, group in rules["groups"].items():
        members = group["members"]
        if isinstance(members, str):
            members = sorted(i for i, r in decided.items()
                             if r.get("copyleft") in ABSORBING and i.lower() in spdx_ids)
        groups[name] = {"reason": group["reason"], "members": members}
    return groups


def write(entries, aliases, used_rules, groups, rules, list_version, skipped):
    def line(value):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    ordered = sorted(entries.values(), key=lambda e: e["id"].lower())
    rule_lines = ['    %s: %s' % (json.dumps(name), line(rule_record(rule)))
                  for name, rule in sorted(used_rules.items())]
    group_lines = ['    %s: %s' % (json.dumps(name), line(group)) for name, group in sorted(groups.items())]
    alias_lines = ['    %s: %s' % (json.dumps(a), json.dumps(i)) for a, i in sorted(aliases.items(), key=lambda p: p[0].lower())]
    text = "\n".join([
        "{",
        '  "_comment": %s,' % json.dumps(
            "Generated by Scripts/generate-license-data.py from the SPDX License List %s and ScanCode LicenseDB "
            "(rules: Scripts/license-rules.json); do not edit by hand. Curated entries in knowledge-base.json "
            "override everything here." % list_version),
        '  "_credit": %s,' % json.dumps(
            "License keys, names and categories from ScanCode LicenseDB, https://scancode-licensedb.aboutcode.org, "
            "Copyright (c) nexB Inc. and others, licensed under CC-BY-4.0; Pedigree derived the properties."),
        '  "schemaVersion": 1,',
        '  "spdxLicenseListVersion": %s,' % json.dumps(list_version),
        '  "_comment_skipped": %s,' % json.dumps(
            "Keys without terms (%s): %s" % (", ".join(sorted(rules["skipCategories"])), " ".join(sorted(skipped)))),
        '  "groups": {', ",\n".join(group_lines), "  },",
        '  "rules": {', ",\n".join(rule_lines), "  },",
        '  "aliases": {', ",\n".join(alias_lines), "  },",
        '  "licenses": [', ",\n".join("    " + line(e) for e in ordered), "  ]",
        "}", ""])
    json.loads(text, object_pairs_hook=reject_duplicates)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %d licenses, %d aliases, %d rules, %d groups to %s"
          % (len(ordered), len(aliases), len(used_rules), len(groups), os.path.relpath(OUTPUT, ROOT)))


if __name__ == "__main__":
    main()
