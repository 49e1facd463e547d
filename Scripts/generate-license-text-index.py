#!/usr/bin/env python3
"""Writes the license text index Pedigree identifies license texts with.

Reads the ScanCode LicenseDB (index.json and licenses/<key>.LICENSE: YAML front matter, then the full
text) and writes Sources/PedigreeLicenses/Data/license-text-index.bin: no texts, only per license two
hashes (of the whitespace-collapsed text, for `exact`; of the normalised words, for `normalized`) and the
hashed five-word n-grams of the normalised text (for `approximate`), with an inverted index from n-gram
hash to license. A license of more than SAMPLE_ABOVE n-grams keeps only the n-grams whose hash is
divisible by SAMPLE_RATE, which keeps the file to a few MB; matching applies the same rule to a query.

Ids: the SPDX id where ScanCode gives one, else `LicenseRef-scancode-<key>` (the names the knowledge base
uses too). Data credit: ScanCode LicenseDB, nexB Inc. and others, CC-BY-4.0
(https://github.com/aboutcode-org/scancode-licensedb); the credit is written into the file's header.

Normalisation must stay identical to Sources/PedigreeLicenses/Text/LicenseTextNormalizer.swift (a test
checks hashes of a sample text against both); it follows the SPDX matching guidelines: line endings and
whitespace, case, punctuation, quotes and dashes, bullets and numbering, copyright lines, Markdown link
targets, `http`/`https` and varietal spellings.

usage: Scripts/generate-license-text-index.py [SCANCODE_LICENSEDB_DIR]
       (default: ../shared/corpus/license-data/aboutcode-org__scancode-licensedb)
       Scripts/generate-license-text-index.py --evaluate TEXT_FILE...   (prints the best matches)

Only the Python standard library is used.
"""
import json
import os
import re
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources", "PedigreeLicenses", "Data", "license-text-index.bin")
DEFAULT_DB = os.path.join(ROOT, "..", "shared", "corpus", "license-data", "aboutcode-org__scancode-licensedb")
MAGIC = b"PDGTXI01"
CREDIT = ("License text index derived from ScanCode LicenseDB (https://github.com/aboutcode-org/scancode-licensedb), "
          "copyright nexB Inc. and others, licensed CC-BY-4.0; hashes only, no license texts. "
          "Written by Scripts/generate-license-text-index.py.")
NGRAM = 5
SAMPLE_RATE = 8
SAMPLE_ABOVE = 300
MASK64 = (1 << 64) - 1
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
GRAM_MULTIPLIER = 0x9E3779B97F4A7C15

# Varietal spellings the SPDX matching guidelines treat as equal, folded to one spelling.
VARIETAL = {
    "licence": "license", "licences": "licenses", "licenced": "licensed", "licencing": "licensing",
    "licencor": "licensor", "licencee": "licensee", "sublicence": "sublicense",
    "acknowledgement": "acknowledgment", "acknowledgements": "acknowledgments", "analogue": "analog",
    "authorise": "authorize", "authorised": "authorized", "authorisation": "authorization",
    "behaviour": "behavior", "centre": "center", "characterise": "characterize", "favour": "favor",
    "favourable": "favorable", "fulfil": "fulfill", "fulfilment": "fulfillment", "judgement": "judgment",
    "labelled": "labeled", "labelling": "labeling", "modelling": "modeling", "offence": "offense",
    "organisation": "organization", "organisations": "organizations", "organise": "organize",
    "recognise": "recognize", "recognised": "recognized", "utilise": "utilize", "utilisation": "utilization",
    "percent": "per cent", "practise": "practice", "programme": "program", "programmes": "programs",
    "summarise": "summarize", "whilst": "while", "defence": "defense", "colour": "color", "honour": "honor",
    "https": "http", "cancelled": "canceled", "catalogue": "catalog", "customise": "customize",
    "licenseable": "licensable", "licencable": "licensable", "nonexclusive": "non exclusive",
    "noncommercial": "non commercial", "sublicensable": "sub licensable",
}
# Characters at or above U+0080 that separate words (quotes, dashes, bullets, symbols, CJK punctuation).
SEPARATORS = set(
    [0x00A0, 0x00A7, 0x00A9, 0x00AB, 0x00AE, 0x00B6, 0x00B7, 0x00BB, 0x2122, 0x2026, 0x2030, 0x3000, 0xFEFF]
    + list(range(0x2000, 0x2070)) + list(range(0x2190, 0x2200)) + list(range(0x2500, 0x2600))
    + list(range(0x3001, 0x3040)) + list(range(0xFF01, 0xFF10)) + list(range(0xFF1A, 0xFF21))
    + list(range(0xFF3B, 0xFF41)) + list(range(0xFF5B, 0xFF66)) + list(range(0x25A0, 0x2600)))
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}
LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def fnv64(data):
    h = FNV_OFFSET
    for byte in data:
        h = ((h ^ byte) * FNV_PRIME) & MASK64
    return h


def is_word_char(ch):
    c = ord(ch)
    if c < 0x80:
        return ("a" <= ch <= "z") or ("0" <= ch <= "9")
    return c not in SEPARATORS


def is_copyright_line(line):
    stripped = line.lower().lstrip(" \t#*/-;!>|=+.")
    if not (stripped.startswith("copyright") or stripped.startswith("(c)") or stripped.startswith("\u00a9")
            or stripped.startswith("portions copyright")):
        return False
    return any("0" <= c <= "9" for c in stripped) or "(c)" in stripped or "\u00a9" in stripped or "year" in stripped


def lower_ascii(text):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def tokens(text):
    """The normalised words of a text (see the module doc)."""
    result = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for line in lines:
        if is_copyright_line(line):
            continue
        line = lower_ascii(LINK_TARGET.sub("]", line))
        i, n = 0, len(line)
        while i < n:
            if not is_word_char(line[i]):
                i += 1
                continue
            start = i
            while i < n and is_word_char(line[i]):
                i += 1
            word = line[start:i]
            before = line[start - 1] if start > 0 else ""
            after = line[i] if i < n else ""
            if word.isascii() and word.isdigit():
                continue
            if (len(word) == 1 or word in ROMAN) and word.isascii() and (before == "(" or after in (")", ".")):
                continue
            result.extend(VARIETAL.get(word, word).split(" "))
    return result


def collapsed(text):
    return " ".join(text.split())


def gram_hashes(words):
    token_hashes = [fnv64(w.encode("utf-8")) for w in words]
    grams = set()
    for start in range(0, len(token_hashes) - NGRAM + 1):
        h = 0
        for t in token_hashes[start:start + NGRAM]:
            h = (h * GRAM_MULTIPLIER + t) & MASK64
        grams.add(((h >> 32) ^ h) & 0xFFFFFFFF)
    if not grams and token_hashes:
        h = 0
        for t in token_hashes:
            h = (h * GRAM_MULTIPLIER + t) & MASK64
        grams.add(((h >> 32) ^ h) & 0xFFFFFFFF)
    return grams


def kept(grams):
    """The n-grams a license keeps, and whether it was sampled."""
    if len(grams) <= SAMPLE_ABOVE:
        return grams, False
    return {g for g in grams if g % SAMPLE_RATE == 0}, True


def split_front_matter(raw):
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end >= 0:
            return raw[4:end], raw[end + 5:]
    return "", raw


def load(db):
    with open(os.path.join(db, "index.json"), encoding="utf-8") as f:
        index = json.load(f)
    entries = []
    for item in index:
        with open(os.path.join(db, "licenses", item["license"]), encoding="utf-8") as f:
            _, text = split_front_matter(f.read())
        text = text.strip()
        if not text or text == "There is no text available for this license.":
            continue
        words = tokens(text)
        if not words:
            continue
        spdx = item.get("spdx_license_key") or ""
        lid = spdx if spdx else "LicenseRef-scancode-" + item["license_key"]
        grams, sampled = kept(gram_hashes(words))
        entries.append({
            "id": lid, "key": item["license_key"], "exact": fnv64(collapsed(text).encode("utf-8")),
            "normalized": fnv64(" ".join(words).encode("utf-8")), "grams": grams, "sampled": sampled,
            "exception": bool(item.get("is_exception")), "deprecated": bool(item.get("is_deprecated")),
            "spdx": not lid.startswith("LicenseRef-"),
        })
    # Preferred first: on equal texts the first entry names the match.
    entries.sort(key=lambda e: (e["deprecated"], e["exception"], not e["spdx"], e["id"].lower()))
    return entries


def write(entries, path):
    strings = bytearray()
    records = bytearray()
    postings = []
    for number, e in enumerate(entries):
        id_bytes = e["id"].encode("utf-8")
        key_bytes = e["key"].encode("utf-8")
        flags = (1 if e["sampled"] else 0) | (2 if e["exception"] else 0) | (4 if e["deprecated"] else 0)
        records += struct.pack("<QQIIIIHHI", e["exact"], e["normalized"], len(e["grams"]), flags,
                               len(strings), len(strings) + len(id_bytes), len(id_bytes), len(key_bytes), 0)
        strings += id_bytes + key_bytes
        postings.extend((g, number) for g in e["grams"])
    postings.sort()
    credit = CREDIT.encode("utf-8")
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<IIIIII", NGRAM, SAMPLE_RATE, len(entries), len(postings), len(strings), len(credit)))
        f.write(credit)
        f.write(records)
        f.write(struct.pack("<%dI" % len(postings), *(g for g, _ in postings)))
        f.write(struct.pack("<%dH" % len(postings), *(n for _, n in postings)))
        f.write(strings)


def best_matches(entries, text, count=3):
    words = tokens(text)
    query = gram_hashes(words)
    sampled_query = {g for g in query if g % SAMPLE_RATE == 0}
    scores = []
    for e in entries:
        q = sampled_query if e["sampled"] else query
        m = len(q & e["grams"])
        if m:
            scores.append((2 * m / (len(q) + len(e["grams"])), m / len(e["grams"]), e["id"]))
    scores.sort(reverse=True)
    return scores[:count]


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--evaluate":
        entries = load(DEFAULT_DB)
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8", errors="replace") as f:
                print(path, ["%s %.3f (cov %.3f)" % (i, d, c) for d, c, i in best_matches(entries, f.read())])
        return
    db = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DB
    entries = load(db)
    write(entries, OUTPUT)
    print("wrote %s: %d licenses, %d bytes" % (OUTPUT, len(entries), os.path.getsize(OUTPUT)))


if __name__ == "__main__":
    main()
