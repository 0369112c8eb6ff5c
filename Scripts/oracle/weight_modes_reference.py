"""Golden rows for Reckon's `--weights FORMAT` re-encoding (Sources/Model/Runtime/WeightMatrix+Reencoding.swift).

Reads the tiny fixture model (Tests/ModelTests/Fixtures/tiny_llama.gguf.fixture) with gguf-py, decodes a few weight
matrices to float32 with gguf-py's dequantizer, re-encodes each whole matrix in every weight format with an
independent numpy / ml-dtypes implementation of the format's rules (numerics.md §3, §9; BitNet b1.58 absmean; sign
with a per-row mean-magnitude scale; gguf-py's Q8_0/Q4_0/Q4_1 quantisers), and writes a few rows of the decoded
result as float32 bit patterns:

    /tmp/venv-mld/bin/python Scripts/oracle/weight_modes_reference.py \
        --model Tests/ModelTests/Fixtures/tiny_llama.gguf.fixture --out Tests/ModelTests/Fixtures/weight_modes.json \
        --vectors-out Tests/NumericsTests/Fixtures/formats/rounding.json

The second file holds the same rules applied to one small seeded tensor (2 rows of 64 values, with zeros, values
past fp8/fp6/fp4 ranges and tiny values): what `NumberFormat.rounded(_:rowLength: 64)` must give, the rounding that
`--activations FORMAT` and `--kv FORMAT` apply per vector.

Packages: Scripts/oracle/requirements.txt (gguf, ml-dtypes, numpy).
"""
from __future__ import annotations

import argparse
import json

import gguf
import ml_dtypes
import numpy as np

F32 = np.float32
TENSORS = ["token_embd.weight", "blk.0.attn_q.weight", "blk.0.ffn_down.weight", "output.weight"]
ROWS = [0, 1, 5]

ELEMENTS = {
    "fp16": np.float16, "bf16": ml_dtypes.bfloat16, "fp8-e4m3": ml_dtypes.float8_e4m3fn,
    "fp8-e5m2": ml_dtypes.float8_e5m2, "fp6-e2m3": ml_dtypes.float6_e2m3fn, "fp6-e3m2": ml_dtypes.float6_e3m2fn,
    "fp4-e2m1": ml_dtypes.float4_e2m1fn,
}
# MX: name -> element dtype (32-element blocks, E8M0 scale)
MX = {"mxfp8": ml_dtypes.float8_e4m3fn, "mxfp8-e5m2": ml_dtypes.float8_e5m2, "mxfp6": ml_dtypes.float6_e2m3fn,
      "mxfp6-e3m2": ml_dtypes.float6_e3m2fn, "mxfp4": ml_dtypes.float4_e2m1fn}


def cast_saturating(x: np.ndarray, dtype) -> np.ndarray:
    """Round to nearest even in `dtype`, clamping to ±largest finite first (= saturating conversion)."""
    top = F32(ml_dtypes.finfo(dtype).max) if dtype is not np.float16 else F32(65504)
    return np.clip(x.astype(F32), -top, top).astype(dtype).astype(F32)


def floor_log2(x: np.ndarray) -> np.ndarray:
    _, e = np.frexp(x.astype(np.float64))
    return e - 1


def mx(w: np.ndarray, dtype) -> np.ndarray:
    emax = int(floor_log2(np.array([ml_dtypes.finfo(dtype).max]))[0])
    blocks = w.reshape(-1, 32)
    out = np.zeros_like(blocks, dtype=F32)
    for i, block in enumerate(blocks):
        amax = np.max(np.abs(block))
        if amax == 0:
            continue
        shared = int(np.clip(floor_log2(np.array([amax]))[0] - emax, -127, 127))
        scale = F32(2.0 ** shared)
        out[i] = cast_saturating(block / scale, dtype) * scale
    return out.reshape(w.shape)


def nvfp4(w: np.ndarray) -> np.ndarray:
    amax = F32(np.max(np.abs(w)))
    s_enc = F32(2688) / amax
    tensor_scale = amax / F32(2688)
    blocks = w.reshape(-1, 16)
    out = np.zeros_like(blocks, dtype=F32)
    for i, block in enumerate(blocks):
        scale = cast_saturating(np.array([np.max(np.abs(block)) / F32(6) * s_enc], dtype=F32), ml_dtypes.float8_e4m3fn)[0]
        if scale == 0:
            continue
        elements = cast_saturating((block * s_enc) / scale, ml_dtypes.float4_e2m1fn)
        out[i] = (elements * scale) * tensor_scale
    return out.reshape(w.shape)


def symmetric_int(w: np.ndarray, bits: int, group: int | None) -> np.ndarray:
    top = F32(2 ** (bits - 1) - 1)
    groups = w.reshape(-1, group if group else w.shape[1])
    out = np.zeros_like(groups, dtype=F32)
    for i, g in enumerate(groups):
        scale = np.max(np.abs(g)) / top
        if not scale > 0:
            scale = F32(1)
        q = np.clip(np.rint(g / scale), -top, top).astype(np.int32)  # integer codes: no signed zero
        out[i] = scale * q.astype(F32)
    return out.reshape(w.shape)


def ternary(w: np.ndarray) -> np.ndarray:
    gamma = F32(np.sum(np.abs(w).astype(np.float64)) / w.size)
    gamma = max(gamma, F32(1e-5))
    q = np.clip(np.rint(w / gamma), -1, 1).astype(np.int32)  # integer codes −1, 0, 1: no signed zero
    return q.astype(F32) * gamma


def binary(w: np.ndarray) -> np.ndarray:
    alpha = (np.sum(np.abs(w).astype(np.float64), axis=1) / w.shape[1]).astype(F32)[:, None]
    return np.where(w < 0, -alpha, alpha).astype(F32)


def ggml(w: np.ndarray, qtype) -> np.ndarray:
    return gguf.quants.dequantize(gguf.quants.quantize(w, qtype), qtype).astype(F32)


def reencode(name: str, w: np.ndarray) -> np.ndarray:
    if name in ELEMENTS:
        return cast_saturating(w, ELEMENTS[name])
    if name in MX:
        return mx(w, MX[name])
    if name == "nvfp4":
        return nvfp4(w)
    if name == "int8":
        return symmetric_int(w, 8, None)
    if name == "int4-g32":
        return symmetric_int(w, 4, 32)
    if name == "ternary":
        return ternary(w)
    if name == "binary":
        return binary(w)
    qtypes = {"q8_0": gguf.GGMLQuantizationType.Q8_0, "q4_0": gguf.GGMLQuantizationType.Q4_0,
              "q4_1": gguf.GGMLQuantizationType.Q4_1}
    return ggml(w, qtypes[name])


FORMATS = list(ELEMENTS) + list(MX) + ["nvfp4", "int8", "int4-g32", "ternary", "binary", "q8_0", "q4_0", "q4_1"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--vectors-out", required=True)
    args = ap.parse_args()
    rng = np.random.default_rng(20261207)
    x = (rng.standard_normal(128) * 2).astype(F32)
    x[[3, 70]] = 0
    x[5] = F32(-0.0)
    x[[9, 80]] = [F32(500), F32(-7000)]
    x[[11, 90]] = [F32(1e-8), F32(-3e-5)]
    x = x.reshape(2, 64)
    vectors = {"generator": "Scripts/oracle/weight_modes_reference.py", "rowLength": 64,
               "input": [int(b) for b in x.ravel().view(np.uint32)], "formats": {}}
    for fmt in FORMATS:
        vectors["formats"][fmt] = [int(b) for b in reencode(fmt, x).ravel().view(np.uint32)]
    with open(args.vectors_out, "w") as f:
        json.dump(vectors, f, separators=(",", ":"))
        f.write("\n")
    reader = gguf.GGUFReader(args.model)
    tensors = {t.name: t for t in reader.tensors}
    weights = {}
    for name in TENSORS:
        t = tensors[name]
        weights[name] = gguf.quants.dequantize(t.data, t.tensor_type).astype(F32).reshape(
            int(t.shape[1]), int(t.shape[0]))
    golden = {"generator": "Scripts/oracle/weight_modes_reference.py (numpy + ml-dtypes, independent of Reckon)",
              "rows": ROWS, "formats": {}}
    for fmt in FORMATS:
        golden["formats"][fmt] = {}
        for name, w in weights.items():
            encoded = reencode(fmt, w)
            golden["formats"][fmt][name] = [[int(b) for b in encoded[r].view(np.uint32)] for r in ROWS]
    with open(args.out, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
