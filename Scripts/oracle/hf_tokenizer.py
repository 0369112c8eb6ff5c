"""Build a HuggingFace `tokenizers` tokenizer from the vocabulary stored in a GGUF file.

This is an oracle for Reckon's own tokenizer: it uses only the GGUF metadata
(`tokenizer.ggml.tokens`, `.merges`, `.token_type`, `.pre`) and the HF `tokenizers`
library's byte-level BPE, never Reckon code.

Pipeline (for `tokenizer.ggml.model == "gpt2"`):
  * pre-tokenizer for `tokenizer.ggml.pre == "smollm"` (and other pre types listed in
    `_INDIVIDUAL_DIGIT_PRE`): split every digit into its own piece, then the GPT-2
    byte-level regex  's|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+
    followed by the byte -> unicode mapping (no prefix space);
  * BPE with the GGUF merges in rank order;
  * tokens whose token_type is 3 (control) or 4 (user defined) are added as special tokens,
    so "<|im_start|>" in the text becomes a single id;
  * no BOS/EOS is added here (callers decide; SmolLM2 has add_bos_token = false).

Usage:
    from hf_tokenizer import load_gguf_tokenizer
    tok = load_gguf_tokenizer("/tmp/dl/model.gguf")
    ids = tok.encode("Hello world").ids
    text = tok.decode(ids, skip_special_tokens=False)
"""
from __future__ import annotations

from typing import Any

import gguf
import numpy as np
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

# GGUF token types (llama.cpp's llama_token_type): 1 normal, 2 unknown, 3 control,
# 4 user defined, 5 unused, 6 byte.
TOKEN_TYPE_CONTROL = 3
TOKEN_TYPE_USER_DEFINED = 4

# Pre-tokenizer names (tokenizer.ggml.pre) whose first stage splits digits one by one.
_INDIVIDUAL_DIGIT_PRE = {"smollm", "starcoder", "refact", "codeshell"}
# Pre-tokenizer names that use the plain GPT-2 regex without a digit split.
_PLAIN_GPT2_PRE = {"gpt2", "default", "mpt", "olmo"}


def _field(reader: gguf.GGUFReader, key: str) -> Any:
    field = reader.fields.get(key)
    if field is None:
        return None
    return field.contents()


def read_gguf_vocab(path: str) -> dict[str, Any]:
    """Return the tokenizer metadata of a GGUF file as plain Python values."""
    reader = gguf.GGUFReader(path)
    model = _field(reader, "tokenizer.ggml.model")
    tokens = _field(reader, "tokenizer.ggml.tokens")
    if model is None or tokens is None:
        raise ValueError(f"{path}: no tokenizer.ggml.model / tokenizer.ggml.tokens metadata")
    token_types = _field(reader, "tokenizer.ggml.token_type")
    return {
        "model": model,
        "pre": _field(reader, "tokenizer.ggml.pre") or "default",
        "tokens": list(tokens),
        "merges": list(_field(reader, "tokenizer.ggml.merges") or []),
        "token_types": list(token_types) if token_types is not None else [1] * len(tokens),
        "bos_id": _field(reader, "tokenizer.ggml.bos_token_id"),
        "eos_id": _field(reader, "tokenizer.ggml.eos_token_id"),
        "add_bos": bool(_field(reader, "tokenizer.ggml.add_bos_token") or False),
    }


def build_tokenizer(vocab_info: dict[str, Any]) -> Tokenizer:
    """Build a byte-level BPE `Tokenizer` from `read_gguf_vocab`'s result."""
    if vocab_info["model"] != "gpt2":
        raise ValueError(f"only tokenizer.ggml.model == 'gpt2' is supported, found {vocab_info['model']!r}")
    pre = vocab_info["pre"]
    tokens: list[str] = vocab_info["tokens"]
    vocab = {tok: i for i, tok in enumerate(tokens)}
    if len(vocab) != len(tokens):
        raise ValueError("duplicate token strings in tokenizer.ggml.tokens")
    merges = []
    for rank, m in enumerate(vocab_info["merges"]):
        left, sep, right = m.partition(" ")
        if not sep:
            raise ValueError(f"merge {rank} has no space separator: {m!r}")
        merges.append((left, right))

    bpe = models.BPE(vocab=vocab, merges=merges, ignore_merges=False, fuse_unk=False, byte_fallback=False)
    tok = Tokenizer(bpe)
    byte_level = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    if pre in _INDIVIDUAL_DIGIT_PRE:
        tok.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.Digits(individual_digits=True), byte_level])
    elif pre in _PLAIN_GPT2_PRE:
        tok.pre_tokenizer = byte_level
    else:
        raise ValueError(f"pre-tokenizer {pre!r} is not implemented in this oracle")
    tok.decoder = decoders.ByteLevel()

    specials = [
        AddedToken(t, special=True, normalized=False, single_word=False, lstrip=False, rstrip=False)
        for t, ty in zip(tokens, vocab_info["token_types"])
        if int(ty) in (TOKEN_TYPE_CONTROL, TOKEN_TYPE_USER_DEFINED)
    ]
    tok.add_special_tokens(specials)
    # Adding tokens that already exist must not renumber them.
    for t in specials:
        if tok.token_to_id(t.content) != vocab[t.content]:
            raise AssertionError(f"special token {t.content!r} changed id")
    return tok


def load_gguf_tokenizer(path: str) -> Tokenizer:
    """Read the GGUF at `path` and build its tokenizer (no BOS/EOS added by `encode`)."""
    return build_tokenizer(read_gguf_vocab(path))


def encode(tok: Tokenizer, text: str) -> list[int]:
    """Token ids of `text`; special-token strings in the text become their single ids."""
    return list(tok.encode(text, add_special_tokens=False).ids)


def decode(tok: Tokenizer, ids: list[int] | np.ndarray) -> str:
    """Text of `ids`, special tokens included verbatim."""
    return tok.decode([int(i) for i in ids], skip_special_tokens=False)


if __name__ == "__main__":
    import sys

    t = load_gguf_tokenizer(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dl/model.gguf")
    for s in ["Hello world! 12345", "<|im_start|>user\nWhat is 2+2?<|im_end|>\n", "  two  spaces\n\nnewlines", "don't I'll"]:
        ids = encode(t, s)
        print(repr(s), ids, [t.id_to_token(i) for i in ids], repr(decode(t, ids)))
