#!/usr/bin/env python3
"""Independent numpy reference for `reckon quantize`'s block quantisers: ggml's quantize_row_{q8_0,q4_0,q4_1,mxfp4}_ref.

Written from the rules in /work/shared/research/numerics.md §4 (fp32 arithmetic in ggml's order, fp16 scales rounded
to nearest even, C `roundf` for Q8_0, `(int8_t)` truncation for Q4_0/Q4_1, MXFP4 `e = floor(log2f(amax)) - 2 + 127`
and the first nearest entry of the doubled E2M1 table). It never calls Reckon.

Writes Tests/NumericsTests/Fixtures/quantize/blocks.json: for each type a list of cases, each with the input values
(float32 bit patterns, a multiple of 32) and the expected bytes (hex). Cases: random N(0, s) rows for several scales
and seeds, rows with exact rounding ties, all-zero blocks, single-spike blocks, negative-extreme blocks.
Pinned packages: requirements.txt (numpy).

    python3 Scripts/oracle/quantize_reference.py [--out DIR]
"""
import argparse
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from json_io import write_json  # noqa: E402

f32 = np.float32
KVALUES_MXFP4 = [0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12]


def fp16_bytes(v):
    return np.array([v], dtype=np.float32).astype(np.float16).tobytes()


def c_roundf(t):
    """C roundf on a float32 value (half away from zero), exactly (float64 holds every float32 exactly)."""
    t = float(t)
    whole = math.trunc(t)
    return whole + (int(math.copysign(1, t)) if abs(t - whole) >= 0.5 else 0)


def c_trunc_int(t):
    return math.trunc(float(t))


def q8_0(x):
    amax = f32(0)
    for v in x:
        amax = max(amax, abs(v))
    d = f32(amax / f32(127))
    idd = f32(f32(1) / d) if d != 0 else f32(0)
    out = bytearray(fp16_bytes(d))
    for v in x:
        out.append(c_roundf(f32(v * idd)) & 0xFF)
    return bytes(out)


def q4_0(x):
    amax, mx = f32(0), f32(0)
    for v in x:
        if abs(v) > amax:
            amax, mx = abs(v), v
    d = f32(mx / f32(-8))
    idd = f32(f32(1) / d) if d != 0 else f32(0)
    out = bytearray(fp16_bytes(d))
    for j in range(16):
        lo = min(15, c_trunc_int(f32(f32(x[j] * idd) + f32(8.5))))
        hi = min(15, c_trunc_int(f32(f32(x[j + 16] * idd) + f32(8.5))))
        out.append(lo | (hi << 4))
    return bytes(out)


def q4_1(x):
    lo_v, hi_v = f32(np.min(x)), f32(np.max(x))
    d = f32((hi_v - lo_v) / f32(15))
    idd = f32(f32(1) / d) if d != 0 else f32(0)
    out = bytearray(fp16_bytes(d) + fp16_bytes(lo_v))
    for j in range(16):
        a = min(15, c_trunc_int(f32(f32(f32(x[j] - lo_v) * idd) + f32(0.5))))
        b = min(15, c_trunc_int(f32(f32(f32(x[j + 16] - lo_v) * idd) + f32(0.5))))
        out.append(a | (b << 4))
    return bytes(out)


def e8m0_half(e):
    """2^(e - 128) as float32 (ggml's GGML_E8M0_TO_FP32_HALF)."""
    return f32(math.ldexp(1.0, e - 128))


def mxfp4(x):
    amax = f32(0)
    for v in x:
        if amax < abs(v):
            amax = abs(v)
    e = int(math.floor(float(np.log2(amax)))) - 2 + 127 if amax > 0 else 0
    e = max(0, min(255, e))
    d = e8m0_half(e)
    codes = []
    for v in x:
        best, best_err = 0, abs(f32(f32(KVALUES_MXFP4[0]) * d) - v)
        for i in range(1, 16):
            err = abs(f32(f32(KVALUES_MXFP4[i]) * d) - v)
            if err < best_err:
                best, best_err = i, err
        codes.append(best)
    return bytes([e] + [codes[j] | (codes[j + 16] << 4) for j in range(16)])


QUANTIZERS = {"Q8_0": q8_0, "Q4_0": q4_0, "Q4_1": q4_1, "MXFP4": mxfp4}


def row_bytes(name, row):
    return b"".join(QUANTIZERS[name](row[i:i + 32]) for i in range(0, len(row), 32))


def tie_rows():
    """Blocks whose scale is exact (1 or 0.5) with elements exactly half-way between two codes."""
    q8 = np.array([127, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 126.5] + [k + 0.5 for k in range(-12, 12)], dtype=np.float32)
    q40 = np.array([-8, 0.5, -0.5, 1.5, -1.5, 6.5, -7.5, 7.5] + [k + 0.5 for k in range(-12, 12)], dtype=np.float32)
    q41 = np.array([0, 15, 0.5, 1.5, 14.5, 7.5, 3.5, 2.5] + [k / 2 for k in range(0, 24)], dtype=np.float32)
    mx = np.array([6, -6, 0.25, -0.25, 0.75, -0.75, 1.25, 1.75, 2.5, -2.5, 3.5, 5, -5, 7, -7.5, 0.5]
                  + [k / 4 for k in range(-8, 8)], dtype=np.float32)
    return {"Q8_0": q8, "Q4_0": q40, "Q4_1": q41, "MXFP4": mx}


def fixture():
    cases = {name: [] for name in QUANTIZERS}

    def add(label, row):
        row = np.asarray(row, dtype=np.float32)
        for name in QUANTIZERS:
            cases[name].append({"case": label, "values": [int(v) for v in row.view(np.uint32)],
                                "bytes": row_bytes(name, row).hex()})

    for seed, scale in [(1, 1.0), (2, 0.02), (3, 300.0), (4, 1e-6)]:
        rng = np.random.default_rng(seed)
        add(f"normal seed {seed} scale {scale}", (rng.standard_normal(256) * scale).astype(np.float32))
    rng = np.random.default_rng(5)
    add("uniform [-1, 1) seed 5", rng.uniform(-1, 1, 128).astype(np.float32))
    add("all-zero blocks", np.zeros(64, dtype=np.float32))
    spike = np.zeros(32, dtype=np.float32)
    spike[7] = -3.25
    add("single negative spike", spike)
    skew = np.linspace(-5, 1, 32).astype(np.float32)
    add("negative extreme (linspace -5..1)", skew)
    for name, row in tie_rows().items():
        add(f"ties for {name}", row)
    return {"generator": "Scripts/oracle/quantize_reference.py (numpy " + np.__version__ + ")", "types": cases}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "..", "Tests", "NumericsTests", "Fixtures", "quantize"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    write_json(os.path.join(args.out, "blocks.json"), fixture())
