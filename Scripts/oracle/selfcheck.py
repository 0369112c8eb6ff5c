"""Sanity checks of the oracle itself (run after changing llama_reference.py / hf_tokenizer.py).

    python3 Scripts/oracle/selfcheck.py --model /tmp/dl/model.gguf

1. Dequantization: Q8_0 and Q4_1 blocks decoded by hand from the raw bytes (block layouts:
   Q8_0 = f16 d, 32 x int8 q, x = d*q;  Q4_1 = f16 d, f16 m, 16 bytes of nibbles, low nibbles are
   elements 0..15 and high nibbles 16..31, x = d*q + m) must equal gguf.quants.dequantize.
2. RoPE layout: the NLL of a text must be much lower with "NORM" rope (adjacent pairs, what
   llama_reference uses) than with "NEOX" rope (pairs (i, i+d/2)); the HF->GGUF converter permuted
   Q/K so that adjacent pairs are right.
"""
from __future__ import annotations

import argparse
import os
import sys

import gguf
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from hf_tokenizer import encode, load_gguf_tokenizer  # noqa: E402
from llama_reference import LlamaReference, dequantize_tensor  # noqa: E402


def by_hand(t) -> np.ndarray:
    raw = np.asarray(t.data).reshape(-1)
    if t.tensor_type == gguf.GGMLQuantizationType.Q8_0:
        blocks = raw.reshape(-1, 34)
        d = blocks[:, :2].copy().view("<f2").astype(np.float64)
        q = blocks[:, 2:].copy().view(np.int8).astype(np.float64)
        return (d * q).reshape(-1)
    if t.tensor_type == gguf.GGMLQuantizationType.Q4_1:
        blocks = raw.reshape(-1, 20)
        d = blocks[:, 0:2].copy().view("<f2").astype(np.float64)
        m = blocks[:, 2:4].copy().view("<f2").astype(np.float64)
        qs = blocks[:, 4:]
        q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float64)
        return (d * q + m).reshape(-1)
    raise ValueError(t.tensor_type)


def neox_rope(self, x, positions):
    n_rot = self.config.n_rot
    half = n_rot // 2
    ang = positions[:, None].astype(np.float64) * self.inv_freq[None, :]
    cos, sin = np.cos(ang)[:, None, :], np.sin(ang)[:, None, :]
    out = x.copy()
    x0, x1 = x[..., :half], x[..., half:n_rot]
    out[..., :half] = x0 * cos - x1 * sin
    out[..., half:n_rot] = x0 * sin + x1 * cos
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    args = ap.parse_args()
    reader = gguf.GGUFReader(args.model)
    for name in ("token_embd.weight", "blk.0.attn_q.weight", "blk.29.ffn_down.weight"):
        t = next(x for x in reader.tensors if x.name == name)
        diff = np.max(np.abs(by_hand(t) - dequantize_tensor(t).reshape(-1)))
        print(f"dequant {name} ({t.tensor_type.name}): max |hand - gguf| = {diff}")
        assert diff == 0.0

    ref = LlamaReference(args.model)
    tok = load_gguf_tokenizer(args.model)
    ids = encode(tok, open(os.path.join(HERE, "perplexity.txt"), encoding="utf-8").read())[:128]
    results = {}
    for label in ("norm", "neox"):
        if label == "neox":
            ref.rope = neox_rope.__get__(ref)
        lg = ref.forward(ids)[:-1]
        m = lg.max(axis=1, keepdims=True)
        lse = (m + np.log(np.exp(lg - m).sum(axis=1, keepdims=True)))[:, 0]
        results[label] = float(np.mean(lse - lg[np.arange(len(ids) - 1), ids[1:]]))
        print(f"rope {label}: mean NLL over {len(ids) - 1} tokens = {results[label]:.4f} (PPL {np.exp(results[label]):.2f})")
    assert results["norm"] + 1.0 < results["neox"], "NORM rope should fit the model far better"
    print("selfcheck OK")


if __name__ == "__main__":
    main()
