#!/usr/bin/env python3
"""Independent reference for Reckon's L-Mul (Luo & Sun 2024, bit-level), written from numerics.md §1.1 and §1.5.

It never calls Reckon. Two fixtures go to Tests/NumericsTests/Fixtures/lmul/:

* e4m3-products.u8: 65 536 bytes, byte a*256+b = L-Mul(a, b) for every pair of fp8 e4m3fn codes, by the 8-bit integer
  program r = (a & 0x7F) + (b & 0x7F) - 0x37 with the special values pinned as Reckon documents them: NaN (0x7F
  field) in either -> 0x7F with the XOR sign; a zero field -> signed zero; r < 8 (exponent 0) -> signed zero;
  r > 0x7E -> signed 448 (0x7E).
* fp32.json: random fp32 pairs (bit patterns near 1.0 and anywhere in the range, subnormals, zeros, infinities, NaN)
  and their L-Mul bit patterns for mantissa sizes 23, 4, 3 and 2. Operands are first rounded to m fraction bits by
  value (numpy float64: round-half-even of x / 2^(max(e,-126)-m), which equals fp32 bit-field rounding, subnormals
  included; a carry past the largest binade gives 2^128 = the infinity pattern), then
  r = |X| + |Y| - K with K = 0x3F800000 - (((1<<m) >> l(m)) << (23-m)), l(m) = m if m<=3, 3 if m==4, else 4;
  r < 0x00800000 or a zero operand -> signed zero; r >= 0x7F800000 -> signed infinity; NaN or infinity operands ->
  numpy's float32 product of the unrounded operands.

Pinned packages: requirements.txt (numpy).

    python3 Scripts/oracle/lmul_reference.py [--out DIR]
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from json_io import write_json  # noqa: E402


def e4m3_table():
    a = np.arange(256, dtype=np.int64)[:, None]
    b = np.arange(256, dtype=np.int64)[None, :]
    sign = (a ^ b) & 0x80
    x, y = a & 0x7F, b & 0x7F
    r = x + y - 0x37
    out = np.where(r > 0x7E, 0x7E, r)
    out = np.where(r < 0x08, 0, out)
    out = np.where((x == 0) | (y == 0), 0, out)
    out = np.where((x == 0x7F) | (y == 0x7F), 0x7F, out)
    return (out | sign).astype(np.uint8)


def l_of(m):
    return m if m <= 3 else (3 if m == 4 else 4)


def bits_of(v):
    return int(np.array([v], dtype=np.float32).view(np.uint32)[0])


def float_of(bits):
    return np.array([bits], dtype=np.uint32).view(np.float32)[0]


def round_to_m(x, m):
    """x (np.float32, finite) rounded to m fraction bits, half to even, by value; returns the fp32 bit pattern."""
    v = float(x)
    if v == 0.0 or m == 23:
        return bits_of(x)
    e = int(np.floor(np.log2(abs(v))))
    # guard against log2 rounding at binade edges
    while 2.0 ** e > abs(v):
        e -= 1
    while 2.0 ** (e + 1) <= abs(v):
        e += 1
    quantum = 2.0 ** (max(e, -126) - m)
    r = float(np.round(v / quantum)) * quantum  # np.round: half to even; exact in float64
    if abs(r) >= 2.0 ** 128:
        return (0x80000000 if r < 0 else 0) | 0x7F800000
    return bits_of(np.float32(r))


def lmul_fp32(xb, yb, m):
    x, y = float_of(xb), float_of(yb)
    if not (np.isfinite(x) and np.isfinite(y)):
        with np.errstate(all="ignore"):
            return bits_of(np.float32(x) * np.float32(y))
    sign = (xb ^ yb) & 0x80000000
    ax = round_to_m(x, m) & 0x7FFFFFFF
    ay = round_to_m(y, m) & 0x7FFFFFFF
    k = 0x3F800000 - (((1 << m) >> l_of(m)) << (23 - m))
    r = ax + ay - k
    if ax == 0 or ay == 0 or r < 0x00800000:
        return sign
    if r >= 0x7F800000:
        return sign | 0x7F800000
    return sign | r


def fp32_pairs(rng):
    near = []
    for _ in range(600):  # exponents near the bias: ordinary results, carries, double carries
        e = rng.integers(110, 145, size=2)
        f = rng.integers(0, 1 << 23, size=2)
        s = rng.integers(0, 2, size=2)
        near.append(tuple(int((s[i] << 31) | (e[i] << 23) | f[i]) for i in range(2)))
    anywhere = [tuple(int(v) for v in rng.integers(0, 0x7F800000, size=2) | (rng.integers(0, 2, size=2) << 31))
                for _ in range(400)]  # over- and underflow, subnormals
    special = [0x00000000, 0x80000000, 0x00000001, 0x007FFFFF, 0x00800000, 0x3F800000, 0xBF800000,
               0x7F7FFFFF, 0xFF7FFFFF, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7F800001, 0x1F800000, 0x20000000,
               0x5F800000, 0x5F7FFFFF, 0x3FF00000, 0x3FF80000, 0x3FC00000, 0x3FA00000, 0x40400000]
    edges = [(a, b) for a in special for b in special]
    return near + anywhere + edges


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "..", "Tests", "NumericsTests", "Fixtures", "lmul")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=default_out)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    table = e4m3_table()
    # spot checks from numerics.md T1
    assert table[0x3C, 0x3A] == 0x3F and table[0x3C, 0x3C] == 0x41 and table[0x40, 0xC4] == 0xCD
    with open(os.path.join(args.out, "e4m3-products.u8"), "wb") as f:
        f.write(table.tobytes())

    rng = np.random.default_rng(20241001)
    pairs = fp32_pairs(rng)
    cases = {}
    for m in (23, 4, 3, 2):
        cases[str(m)] = [lmul_fp32(a, b, m) for a, b in pairs]
    assert lmul_fp32(0x3FC00000, 0x3FA00000, 23) == 0x3FE80000  # T1
    assert lmul_fp32(0xBDCCCCCD, 0x40E00000, 23) == 0xBF34CCCD  # T1
    write_json(os.path.join(args.out, "fp32.json"), {
        "generator": "Scripts/oracle/lmul_reference.py (numpy integer program, seed 20241001)",
        "a": [a for a, _ in pairs], "b": [b for _, b in pairs], "results": cases})


if __name__ == "__main__":
    main()
