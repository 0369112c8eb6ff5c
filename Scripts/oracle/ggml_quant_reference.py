#!/usr/bin/env python3
"""Independent numpy port of ggml's legacy reference quantisers (quantize_row_q4_0/q4_1/q8_0_ref), fp32 arithmetic.

Prints the block hex for x_i = float32(sin(0.37 i) * (i mod 7 + 1)), i = 0..31 (the "T4" input), the golden values
of Tests/NumericsTests/QuantizerTests.swift (dequantized values: dequant_reference.py).
Requires numpy (see requirements.txt).
"""
import numpy as np

f32 = np.float32


def fp16_bytes(v):
    return np.array([v], dtype=np.float32).astype(np.float16).tobytes()  # numpy rounds to nearest even


def q8_0(x):
    amax = np.max(np.abs(x))
    d = f32(amax / f32(127))
    idd = f32(f32(1) / d) if d != 0 else f32(0)
    q = [int(np.copysign(np.floor(abs(v * idd) + 0.5), v * idd)) for v in x]  # C roundf: half away from zero
    return fp16_bytes(d) + bytes((v & 0xFF) for v in q)


def q4_0(x):
    amax, mx = f32(0), f32(0)
    for v in x:
        if abs(v) > amax:
            amax, mx = abs(v), v
    d = f32(mx / f32(-8))
    idd = f32(f32(1) / d) if d != 0 else f32(0)
    out = bytearray(fp16_bytes(d))
    for j in range(16):
        lo = min(15, int(f32(x[j] * idd + f32(8.5))))
        hi = min(15, int(f32(x[j + 16] * idd + f32(8.5))))
        out.append(lo | (hi << 4))
    return bytes(out)


def q4_1(x):
    lo_v, hi_v = f32(np.min(x)), f32(np.max(x))
    d = f32((hi_v - lo_v) / f32(15))
    idd = f32(f32(1) / d) if d != 0 else f32(0)
    out = bytearray(fp16_bytes(d) + fp16_bytes(lo_v))
    for j in range(16):
        a = min(15, int(f32(f32(x[j] - lo_v) * idd + f32(0.5))))
        b = min(15, int(f32(f32(x[j + 16] - lo_v) * idd + f32(0.5))))
        out.append(a | (b << 4))
    return bytes(out)


if __name__ == "__main__":
    x = np.array([np.sin(0.37 * i) * (i % 7 + 1) for i in range(32)], dtype=np.float64).astype(np.float32)
    print("Q4_0", q4_0(x).hex())
    print("Q8_0", q8_0(x).hex())
    print("Q4_1", q4_1(x).hex())
