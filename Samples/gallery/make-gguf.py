#!/usr/bin/env python3
"""Writes the GGUF files of the gallery: metadata only (no tensors), a few hundred bytes each.

The files are committed and the tests never run this script; run it after changing it:

    python3 Samples/gallery/make-gguf.py

Layout (ggml docs/gguf.md, version 3): magic "GGUF" | uint32 version | uint64 tensor_count |
uint64 kv_count | kv...; kv = string key | uint32 value_type | value; string = uint64 length | bytes.
"""

import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
UINT32, STRING = 4, 8


def gguf(entries):
    data = bytearray(b"GGUF" + struct.pack("<IQQ", 3, 0, len(entries)))
    for key, value_type, value in entries:
        raw = key.encode()
        data += struct.pack("<Q", len(raw)) + raw
        data += struct.pack("<I", value_type)
        if value_type == STRING:
            raw = value.encode()
            data += struct.pack("<Q", len(raw)) + raw
        else:
            data += struct.pack("<I", value)
    return bytes(data)


FILES = {
    # A Q4 quantization of a Llama 3.1 fine-tune whose name does not begin with "Llama".
    "llama-3.1-derivative-misnamed/helpdesk-8b-Q4_K_M.gguf": [
        ("general.architecture", STRING, "llama"),
        ("general.name", STRING, "Helpdesk 8B"),
        ("general.organization", STRING, "Tallyworks"),
        ("general.license", STRING, "llama3.1"),
        ("general.base_model.count", UINT32, 1),
        ("general.base_model.0.name", STRING, "Tallyworks Helpdesk 8B"),
        ("general.base_model.0.repo_url", STRING, "https://huggingface.co/tallyworks/helpdesk-8b"),
        ("general.file_type", UINT32, 15),
    ],
    # The same appliance after the rename: fine-tune and quantization both begin with "Llama".
    "llama-3.1-derivative-named-llama/Llama-3.1-8B-Helpdesk-Q4_K_M.gguf": [
        ("general.architecture", STRING, "llama"),
        ("general.name", STRING, "Llama 3.1 8B Helpdesk"),
        ("general.organization", STRING, "Tallyworks"),
        ("general.license", STRING, "llama3.1"),
        ("general.base_model.count", UINT32, 1),
        ("general.base_model.0.name", STRING, "Llama 3.1 8B Helpdesk"),
        ("general.base_model.0.repo_url", STRING, "https://huggingface.co/tallyworks/Llama-3.1-8B-Helpdesk"),
        ("general.file_type", UINT32, 15),
    ],
    # Llama 3.2 11B Vision quantized for an app offered in the EU.
    "llama-3.2-vision-in-eu/Llama-3.2-11B-Vision-Instruct-Q4_K_M.gguf": [
        ("general.architecture", STRING, "mllama"),
        ("general.name", STRING, "Llama 3.2 11B Vision Instruct"),
        ("general.license", STRING, "llama3.2"),
        ("general.base_model.count", UINT32, 1),
        ("general.base_model.0.name", STRING, "Llama 3.2 11B Vision Instruct"),
        ("general.base_model.0.repo_url", STRING, "https://huggingface.co/meta-llama/Llama-3.2-11B-Vision-Instruct"),
        ("general.file_type", UINT32, 15),
    ],
    # The same file in an app offered only in the US.
    "llama-3.2-vision-outside-eu/Llama-3.2-11B-Vision-Instruct-Q4_K_M.gguf": [
        ("general.architecture", STRING, "mllama"),
        ("general.name", STRING, "Llama 3.2 11B Vision Instruct"),
        ("general.license", STRING, "llama3.2"),
        ("general.base_model.count", UINT32, 1),
        ("general.base_model.0.name", STRING, "Llama 3.2 11B Vision Instruct"),
        ("general.base_model.0.repo_url", STRING, "https://huggingface.co/meta-llama/Llama-3.2-11B-Vision-Instruct"),
        ("general.file_type", UINT32, 15),
    ],
}

for relative, entries in FILES.items():
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(gguf(entries))
    print(f"Samples/gallery/{relative}")
