#!/usr/bin/env python3
"""Independent reference for the golden constants of Tests/NumericsTests: ggml's block formats decoded in numpy,
written from the format definitions (ggml-quants.c dequantize_row_q4_0/q4_1/q8_0/q4_K/q6_K), not from Reckon's code.

Prints, for each test vector of ReferenceKernelsTests (the "T4" blocks), the decoded values at the offsets the test
checks, every sixteenth value (K-quants), the sum and the sum of squares; the dequantized values that QuantizerTests
checks for the T4 input (blocks from ggml_quant_reference.py); the IEEE binary16 table of HalfTests; and, for
GGMLTypeTests, each type's id, block size and block bytes from gguf-py's own table (GGML_QUANT_SIZES).

    python3 Scripts/oracle/dequant_reference.py      (packages pinned in Scripts/oracle/requirements.txt)
"""
import numpy as np
from gguf.constants import GGML_QUANT_SIZES, GGMLQuantizationType

from ggml_quant_reference import q4_0 as quantize_q4_0, q8_0 as quantize_q8_0

f32 = np.float32


def half(block, offset):
    return f32(np.frombuffer(bytes(block[offset:offset + 2]), dtype="<f2")[0])


def dequant_q4_0(b):
    d = half(b, 0)
    qs = b[2:18]
    return [f32((q & 0xF) - 8) * d for q in qs] + [f32((q >> 4) - 8) * d for q in qs]


def dequant_q4_1(b):
    d, m = half(b, 0), half(b, 2)
    qs = b[4:20]
    return [f32(q & 0xF) * d + m for q in qs] + [f32(q >> 4) * d + m for q in qs]


def dequant_q8_0(b):
    d = half(b, 0)
    return [f32(np.int8(np.uint8(q))) * d for q in b[2:34]]


def scale_min_k4(j, q):
    if j < 4:
        return q[j] & 63, q[j + 4] & 63
    return (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4), (q[j + 4] >> 4) | ((q[j] >> 6) << 4)


def dequant_q4_K(b):
    d, dmin = half(b, 0), half(b, 2)
    scales, qs = b[4:16], b[16:144]
    y = []
    for group in range(4):  # 64 values per group: 32 low nibbles, then 32 high nibbles
        q = qs[32 * group:32 * group + 32]
        sc1, m1 = scale_min_k4(2 * group, scales)
        sc2, m2 = scale_min_k4(2 * group + 1, scales)
        d1, mm1 = f32(d * f32(sc1)), f32(dmin * f32(m1))
        d2, mm2 = f32(d * f32(sc2)), f32(dmin * f32(m2))
        y += [f32(d1 * f32(v & 0xF)) - mm1 for v in q]
        y += [f32(d2 * f32(v >> 4)) - mm2 for v in q]
    return y


def dequant_q6_K(b):
    ql, qh = b[0:128], b[128:192]
    sc = [int(np.int8(np.uint8(v))) for v in b[192:208]]
    d = half(b, 208)
    y = [f32(0)] * 256
    for half_index in range(2):  # 128 values per half
        l_base, h_base, s_base, y_base = 64 * half_index, 32 * half_index, 8 * half_index, 128 * half_index
        for l in range(32):
            s = l // 16
            a, c, h = ql[l_base + l], ql[l_base + l + 32], qh[h_base + l]
            q1 = ((a & 0xF) | (((h >> 0) & 3) << 4)) - 32
            q2 = ((c & 0xF) | (((h >> 2) & 3) << 4)) - 32
            q3 = ((a >> 4) | (((h >> 4) & 3) << 4)) - 32
            q4 = ((c >> 4) | (((h >> 6) & 3) << 4)) - 32
            for k, q in enumerate((q1, q2, q3, q4)):
                y[y_base + l + 32 * k] = f32(f32(d * f32(sc[s_base + s + 2 * k])) * f32(q))
    return y


Q4_K_HEX = "003800348182c34440c50acf41281ff1" + "30a11283f465d647b8299a0b7ced5ecf" * 8


def q6_k_block():
    b = [(37 * i + 11) & 0xFF for i in range(128)]
    b += [(91 * i + 5) & 0xFF for i in range(64)]
    b += [v & 0xFF for v in (1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12, 13, -14, 15, -128)]
    return bytes(b + [0x00, 0x34])


VECTORS = [  # (type, block bytes, offsets and lengths the test checks)
    ("q4_0", bytes.fromhex("0038f0e1d2c3b4a5968778695a4b3c2d1e0f"), dequant_q4_0, [(0, 8), (16, 8)]),
    ("q4_1", bytes.fromhex("003400bcf0e1d2c3b4a5968778695a4b3c2d1e0f"), dequant_q4_1, [(0, 8), (16, 8)]),
    ("q8_0", bytes.fromhex("003080889098a0a8b0b8c0c8d0d8e0e8f0f800081018202830384048505860687078"), dequant_q8_0,
     [(0, 32)]),
    ("q4_K", bytes.fromhex(Q4_K_HEX), dequant_q4_K, [(0, 8), (32, 4), (64, 4), (128, 4), (252, 4)]),
    ("q6_K", q6_k_block(), dequant_q6_K, [(0, 8), (16, 8), (32, 4), (64, 4), (128, 4), (252, 4)]),
]


def show(values):
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def main():
    print("ReferenceKernelsTests vectors:")
    for name, block, decode, slices in VECTORS:
        y = decode(block)
        print(" ", name, "bytes", len(block))
        for start, length in slices:
            print("    at", start, show(y[start:start + length]))
        print("    sum", sum(float(v) for v in y), "sumOfSquares", sum(float(v) * float(v) for v in y))
        if name in ("q4_K", "q6_K"):
            print("    every sixteenth", show(y[::16]))
    x = np.array([np.sin(0.37 * i) * (i % 7 + 1) for i in range(32)], dtype=np.float64).astype(np.float32)
    print("QuantizerTests (T4 input):")
    print("  Q4_0 dequantized [0:3]", show(dequant_q4_0(quantize_q4_0(x))[0:3]))
    print("  Q8_0 dequantized [1]", repr(float(dequant_q8_0(quantize_q8_0(x))[1])))
    print("HalfTests (IEEE binary16 bits -> value, numpy.float16):")
    for bits in (0x3C00, 0xBC00, 0x0000, 0x3800, 0x4000, 0x7BFF, 0x0001, 0x03FF, 0x0400, 0x7C00, 0xFC00, 0x3555,
                 0x8001):
        value = np.frombuffer(bits.to_bytes(2, "little"), dtype="<f2")[0]
        print("  0x%04X" % bits, float(value).hex(), repr(float(value)))
    print("GGMLTypeTests (gguf-py GGML_QUANT_SIZES: name, id, block size, bytes per block):")
    for name in ("F32", "F16", "Q4_0", "Q4_1", "Q8_0", "Q4_K", "Q6_K", "BF16"):
        kind = GGMLQuantizationType[name]
        block, size = GGML_QUANT_SIZES[kind]
        print("  %-5s id %2d block %3d bytes %3d" % (name, kind.value, block, size))
    print("  Q5_0 id", GGMLQuantizationType["Q5_0"].value, "(unsupported by Reckon)")


if __name__ == "__main__":
    main()
