#!/usr/bin/env python3
"""Facts about the default model (SmolLM2-135M-Instruct Q4_1 GGUF) read with gguf-py, independently of Reckon's
GGUF reader and tokenizer: the constants asserted by Tests/GGUFTests/GGUFRoundTripTests.swift (readsTheDefaultModel)
and Tests/TokenizerTests/GoldenTokenizationTests.swift (specialIDs).

    python3 Scripts/oracle/model_facts.py --model ~/.cache/reckon/models/SmolLM2-135M-Instruct.Q4_1.gguf
    (packages pinned in Scripts/oracle/requirements.txt; `reckon model fetch` puts the model there)
"""
import argparse
from collections import Counter

from gguf import GGUFReader


def field(reader, key):
    f = reader.fields[key]
    return f.contents()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    args = parser.parse_args()
    reader = GGUFReader(args.model)
    tokens = field(reader, "tokenizer.ggml.tokens")
    types = field(reader, "tokenizer.ggml.token_type")
    print("GGUFRoundTripTests.readsTheDefaultModel:")
    print("  version", field(reader, "GGUF.version"))
    print("  general.architecture", field(reader, "general.architecture"))
    print("  llama.block_count", field(reader, "llama.block_count"))
    print("  llama.embedding_length", field(reader, "llama.embedding_length"))
    print("  tokenizer.ggml.tokens count", len(tokens))
    embedding = next(t for t in reader.tensors if t.name == "token_embd.weight")
    print("  token_embd.weight dims", [int(d) for d in embedding.shape], "type", embedding.tensor_type.name)
    print("  tensors", len(reader.tensors), "by type", dict(Counter(t.tensor_type.name for t in reader.tensors)))
    print("GoldenTokenizationTests.specialIDs:")
    print("  vocabulary size", len(tokens))
    print("  bos id", field(reader, "tokenizer.ggml.bos_token_id"), "eos id", field(reader, "tokenizer.ggml.eos_token_id"))
    print("  control tokens (type 3) among the first 20:", [i for i in range(20) if types[i] == 3])
    for i in (0, 1, 2, 17, 198, 4093):
        print("  token", i, repr(tokens[i]), "type", types[i])


if __name__ == "__main__":
    main()
