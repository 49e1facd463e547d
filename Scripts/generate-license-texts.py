#!/usr/bin/env python3
"""Writes the full texts of the licenses that require a copy of their text, for `pedigree notice`.

A NOTICE file that only links to a license page does not satisfy MIT, BSD or Apache-2.0, which require
their text to accompany the work. This script takes every license and model license of Data/knowledge-base.json whose
`attribution.licenseCopy` is true, finds its text in ScanCode LicenseDB (by SPDX id, else by the
`LicenseRef-scancode-<key>` name) and writes Sources/PedigreeLicenses/Data/license-texts.json:
`{"credit": ..., "texts": {"MIT": "...", ...}}`, ids sorted, texts as ScanCode gives them with line
endings normalised to LF and trailing whitespace trimmed. A curated id without a text is listed under
`missing` so the gap is visible rather than silent.

Data credit: ScanCode LicenseDB, nexB Inc. and others, CC-BY-4.0
(https://github.com/aboutcode-org/scancode-licensedb); each license text stays under its own terms.

usage: Scripts/generate-license-texts.py [SCANCODE_LICENSEDB_DIR]
       (default: ../shared/corpus/license-data/aboutcode-org__scancode-licensedb)

Only the Python standard library is used.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KNOWLEDGE = os.path.join(ROOT, "Sources", "PedigreeLicenses", "Data", "knowledge-base.json")
OUTPUT = os.path.join(ROOT, "Sources", "PedigreeLicenses", "Data", "license-texts.json")
DEFAULT_DB = os.path.join(ROOT, "..", "shared", "corpus", "license-data", "aboutcode-org__scancode-licensedb")
CREDIT = ("License texts from ScanCode LicenseDB (https://github.com/aboutcode-org/scancode-licensedb), "
          "copyright nexB Inc. and others, data licensed CC-BY-4.0; each license text remains under its own terms. "
          "Written by Scripts/generate-license-texts.py.")


def owed_ids():
    with open(KNOWLEDGE, encoding="utf-8") as handle:
        knowledge = json.load(handle)
    entries = knowledge["licenses"] + knowledge.get("modelLicenses", [])
    return sorted(entry["id"] for entry in entries if entry.get("attribution", {}).get("licenseCopy"))


def scancode_keys(db):
    with open(os.path.join(db, "index.json"), encoding="utf-8") as handle:
        index = json.load(handle)
    keys = {}
    for entry in index:
        names = [entry.get("spdx_license_key")] + entry.get("other_spdx_license_keys", [])
        names.append("LicenseRef-scancode-" + entry["license_key"])
        for name in names:
            if name and name not in keys:
                keys[name] = entry["license_key"]
    return keys


def read_text(db, key):
    with open(os.path.join(db, "licenses", key + ".LICENSE"), encoding="utf-8") as handle:
        text = handle.read().replace("\r\n", "\n").replace("\r", "\n")
    # Most files start with YAML front matter (key, name, category ...) between two `---` lines.
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            text = text[end + 5:]
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def main():
    db = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DB
    keys = scancode_keys(db)
    texts, missing = {}, []
    for license_id in owed_ids():
        key = keys.get(license_id)
        if key is None:
            missing.append(license_id)
            continue
        texts[license_id] = read_text(db, key)
    output = {"credit": CREDIT, "missing": missing, "texts": texts}
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        json.dump(output, handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"{len(texts)} texts, {len(missing)} missing: {', '.join(missing) or 'none'}; {os.path.getsize(OUTPUT)} bytes")


if __name__ == "__main__":
    main()
