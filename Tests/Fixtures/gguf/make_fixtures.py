#!/usr/bin/env python3
"""Writes the GGUF test fixtures and the GGUF file of Samples/hf-finetune-stack.

The files hold metadata only (no tensor data), so each is a few hundred bytes. They are committed;
the tests never run this script. Run it from anywhere after changing it:

    python3 Tests/Fixtures/gguf/make_fixtures.py

Layout written (ggml docs/gguf.md, versions 2 and 3):
    magic "GGUF" | uint32 version | uint64 tensor_count | uint64 kv_count | kv...
    kv     = string key | uint32 value_type | value
    string = uint64 length | bytes
    array  = uint32 element_type | uint64 count | elements
Every offset the tests expect is printed next to the file it belongs to.
"""

import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

UINT8, INT8, UINT16, INT16, UINT32, INT32, FLOAT32, BOOL, STRING, ARRAY, UINT64, INT64, FLOAT64 = range(13)
SCALAR_FORMATS = {
    UINT8: "B", INT8: "b", UINT16: "H", INT16: "h", UINT32: "I", INT32: "i", FLOAT32: "f", BOOL: "?",
    UINT64: "Q", INT64: "q", FLOAT64: "d",
}


class Writer:
    def __init__(self, big_endian=False):
        self.order = ">" if big_endian else "<"
        self.data = bytearray()

    def pack(self, fmt, *values):
        self.data += struct.pack(self.order + fmt, *values)

    def string(self, text):
        raw = text.encode("utf-8") if isinstance(text, str) else text
        self.pack("Q", len(raw))
        self.data += raw

    def header(self, version, tensor_count, kv_count, magic=b"GGUF"):
        self.data += magic
        self.pack("I", version)
        self.pack("Q", tensor_count)
        self.pack("Q", kv_count)

    def value(self, value_type, value):
        if value_type == STRING:
            self.string(value)
        elif value_type == ARRAY:
            element_type, items = value
            self.pack("I", element_type)
            self.pack("Q", len(items))
            for item in items:
                self.value(element_type, item)
        else:
            self.pack(SCALAR_FORMATS[value_type], value)

    def kv(self, key, value_type, value):
        self.string(key)
        self.pack("I", value_type)
        self.value(value_type, value)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(bytes(data))
    print(f"{os.path.relpath(path, ROOT)}: {len(data)} bytes")


def fixture(name, data):
    write(os.path.join(HERE, name), data)


def metadata_file(entries, version=3, tensor_count=0, big_endian=False):
    writer = Writer(big_endian)
    writer.header(version, tensor_count, len(entries))
    for key, value_type, value in entries:
        writer.kv(key, value_type, value)
    return writer.data


# --- readable files ---------------------------------------------------------------------------

QUANTIZED_FINETUNE = [
    ("general.architecture", STRING, "llama"),
    ("general.type", STRING, "model"),
    ("general.name", STRING, "Acme Support Llama 3.1 8B Instruct"),
    ("general.organization", STRING, "Acme"),
    ("general.author", STRING, "Acme ML Platform"),
    ("general.version", STRING, "1.2"),
    ("general.basename", STRING, "support-llama-3.1"),
    ("general.finetune", STRING, "instruct"),
    ("general.size_label", STRING, "8B"),
    ("general.license", STRING, "llama3.1"),
    ("general.license.name", STRING, "Llama 3.1 Community License Agreement"),
    ("general.license.link", STRING, "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/LICENSE"),
    ("general.base_model.count", UINT32, 1),
    ("general.base_model.0.name", STRING, "Support Llama 3.1 8B"),
    ("general.base_model.0.organization", STRING, "Acme"),
    ("general.base_model.0.version", STRING, "1.2"),
    ("general.base_model.0.repo_url", STRING, "https://huggingface.co/acme/support-llama-3.1-8b"),
    ("general.dataset.count", UINT32, 1),
    ("general.dataset.0.name", STRING, "Support Dialogs"),
    ("general.dataset.0.organization", STRING, "Acme"),
    ("general.dataset.0.repo_url", STRING, "https://huggingface.co/datasets/acme/support-dialogs"),
    ("general.tags", ARRAY, (STRING, ["text-generation", "llama-3.1", "customer-support"])),
    ("general.languages", ARRAY, (STRING, ["en", "de"])),
    ("general.quantized_by", STRING, "Acme ML Platform"),
    ("general.file_type", UINT32, 15),
    ("general.quantization_version", UINT32, 2),
    ("llama.context_length", UINT32, 131072),
    ("llama.block_count", UINT32, 32),
    ("llama.rope.freq_base", FLOAT32, 500000.0),
    ("tokenizer.ggml.model", STRING, "gpt2"),
    ("tokenizer.ggml.tokens", ARRAY, (STRING, ["<|begin_of_text|>", "<|end_of_text|>", "Hello", "world"])),
    ("tokenizer.ggml.token_type", ARRAY, (INT32, [3, 3, 1, 1])),
    ("tokenizer.ggml.scores", ARRAY, (FLOAT32, [0.0, 0.0, -1.5, -2.25])),
]


def sample_gguf():
    path = os.path.join(
        ROOT, "Samples", "hf-finetune-stack", "acme", "support-llama-3.1-8b-GGUF", "support-llama-3.1-8b-Q4_K_M.gguf")
    write(path, metadata_file(QUANTIZED_FINETUNE))


def valid_v3():
    entries = QUANTIZED_FINETUNE + [
        # Not a general.* key: stepped over without being materialised, nested arrays included.
        ("test.nested", ARRAY, (ARRAY, [(UINT8, [1, 2, 3]), (STRING, ["a", "b"]), (ARRAY, [(BOOL, [True])])])),
        ("test.flag", BOOL, True),
        ("test.big", UINT64, 2**63 + 5),
        ("test.negative", INT64, -42),
        ("test.double", FLOAT64, 0.125),
        ("test.small", INT8, -3),
        ("test.short", UINT16, 65535),
        ("test.signed_short", INT16, -300),
    ]
    # 291 tensors are announced but absent: the reader stops where the metadata ends, as it does
    # when it is given only the first bytes of a real multi-gigabyte file.
    fixture("quantized-finetune-v3.gguf", metadata_file(entries, tensor_count=291))


def merge_v2():
    entries = [
        ("general.architecture", STRING, "llama"),
        ("general.name", STRING, "Research Merge 7B"),
        ("general.license", STRING, "apache-2.0, cc-by-nc-4.0"),
        ("general.base_model.count", UINT32, 2),
        ("general.base_model.0.name", STRING, "Mistral 7B v0.1"),
        ("general.base_model.0.repo_url", STRING, "https://huggingface.co/mistralai/Mistral-7B-v0.1"),
        ("general.base_model.1.name", STRING, "Starling LM 7B alpha"),
        ("general.base_model.1.organization", STRING, "berkeley-nest"),
        ("general.base_model.1.version", STRING, "alpha"),
        ("general.datasets", ARRAY, (STRING, ["HuggingFaceH4/ultrachat_200k", "Open Orca Slim"])),
        ("general.file_type", UINT32, 7),
    ]
    fixture("merge-v2.gguf", metadata_file(entries, version=2, tensor_count=0))


def other_license_big_endian():
    entries = [
        ("general.name", STRING, "Qwen2.5 72B Instruct"),
        ("general.license", STRING, "other"),
        ("general.license.name", STRING, "qwen"),
        ("general.license.link", STRING, "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE"),
        ("general.base_model.count", UINT32, 3),  # disagrees with the one entry present
        ("general.base_model.0.repo_url", STRING, "https://huggingface.co/Qwen/Qwen2.5-72B"),
        ("general.name", STRING, "a second name, ignored"),
    ]
    fixture("other-license-big-endian.gguf", metadata_file(entries, version=3, big_endian=True))


# --- hostile files ----------------------------------------------------------------------------


def hostile():
    # The file ends inside the tensor count (offset 8): 4 + 4 + 3 bytes.
    writer = Writer()
    writer.data += b"GGUF"
    writer.pack("I", 3)
    writer.data += b"\x01\x00\x00"
    fixture("truncated-header.gguf", writer.data)

    # First kv: key length at offset 24 claims 2^62 bytes.
    writer = Writer()
    writer.header(3, 0, 1)
    writer.pack("Q", 2**62)
    writer.data += b"general.name"
    fixture("absurd-key-length.gguf", writer.data)

    # general.name's value length at offset 24 + 8 + 12 + 4 = 48 claims 0xFFFFFFFFFFFF bytes.
    writer = Writer()
    writer.header(3, 0, 1)
    writer.string("general.name")
    writer.pack("I", STRING)
    writer.pack("Q", 0xFFFFFFFFFFFF)
    writer.data += b"Llama"
    fixture("absurd-string-length.gguf", writer.data)

    # tokenizer.ggml.tokens: array of strings whose count (offset 24 + 8 + 21 + 4 + 4 = 61) is 2^60.
    writer = Writer()
    writer.header(3, 0, 1)
    writer.string("tokenizer.ggml.tokens")
    writer.pack("I", ARRAY)
    writer.pack("I", STRING)
    writer.pack("Q", 2**60)
    writer.string("<s>")
    fixture("absurd-array-count.gguf", writer.data)

    # kv_count (offset 16) claims 2^63 entries in a file of 40 bytes.
    writer = Writer()
    writer.header(3, 0, 2**63)
    writer.kv("general.name", STRING, "x")
    fixture("huge-kv-count.gguf", writer.data)

    # GGML's older magic.
    writer = Writer()
    writer.header(3, 0, 0, magic=b"GGML")
    fixture("wrong-magic.gguf", writer.data)

    # Version 1 (offset 4), which used 32-bit counts.
    writer = Writer()
    writer.data += b"GGUF"
    writer.pack("I", 1)
    writer.pack("I", 0)
    writer.pack("I", 0)
    fixture("version-1.gguf", writer.data)

    # general.nested: 100 arrays nested in one another; the 65th array's element type sits at
    # 24 + 8 + 14 + 4 + 64 * 12 = 818 (each array before it: element type 4 bytes + count 8 bytes).
    writer = Writer()
    writer.header(3, 0, 1)
    writer.string("general.nested")
    writer.pack("I", ARRAY)
    for _ in range(99):
        writer.pack("I", ARRAY)
        writer.pack("Q", 1)
    writer.pack("I", UINT8)
    writer.pack("Q", 0)
    fixture("deep-nested-arrays.gguf", writer.data)

    # Value type 13 does not exist; the type field is at 24 + 8 + 12 = 44.
    writer = Writer()
    writer.header(3, 0, 1)
    writer.string("general.name")
    writer.pack("I", 13)
    writer.pack("Q", 0)
    fixture("unknown-value-type.gguf", writer.data)

    # Three entries announced, the file ends inside the second one's value, a uint32 at offset
    # 69 (end of the first kv: 24 + 8 + 20 + 4 + 8 + 5) + 8 + 28 + 4 = 109, with 2 of its 4 bytes.
    writer = Writer()
    writer.header(3, 0, 3)
    writer.kv("general.architecture", STRING, "llama")
    writer.string("general.quantization_version")
    writer.pack("I", UINT32)
    writer.data += b"\x02\x00"
    fixture("truncated-metadata.gguf", writer.data)


if __name__ == "__main__":
    sample_gguf()
    valid_v3()
    merge_v2()
    other_license_big_endian()
    hostile()
