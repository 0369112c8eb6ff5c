"""Golden fixtures for Reckon's low-precision codecs (Sources/Numerics/Formats), from ml-dtypes and numpy.

Writes, under --out (Tests/NumericsTests/Fixtures/formats):
  <format>.json   one per element format: the value of every code (a sample of codes for fp16/bf16), and the
                  code of every point of every code's neighbourhood (the code's value, the midpoint to the next code
                  and one float32 ulp either side of it, overflow thresholds, ±0, ±inf, NaN, float32 subnormals,
                  random values) under non-saturating (ml-dtypes' cast) and saturating conversion.
  blocks.json     MX and NVFP4 block encodings from a numpy reference of the block rules (numerics.md §3.2-3.3).
  integers.json   int-k symmetric/asymmetric quantisation per tensor/channel/group (numerics.md §9), numpy float32.
All floats are stored as float32 bit patterns (unsigned integers), so NaN, ±inf and -0 survive JSON.

    python3 -m venv /tmp/venv-mld && /tmp/venv-mld/bin/pip install -r Scripts/oracle/requirements.txt
    /tmp/venv-mld/bin/python Scripts/oracle/format_codes.py --out Tests/NumericsTests/Fixtures/formats

The reference is ml-dtypes (the casts implement OCP RNE), not Reckon's code. Saturating conversion is derived here
as: a finite or infinite input whose non-saturating code is non-finite gets the largest finite code of its sign.
"""
from __future__ import annotations

import argparse
import os
import sys

import ml_dtypes
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from json_io import write_json  # noqa: E402

F32 = np.float32
COMMAND = "python3 Scripts/oracle/format_codes.py --out Tests/NumericsTests/Fixtures/formats"

# name, numpy dtype, code bits, signed, has NaN code
FORMATS = [
    ("fp16", np.float16, 16, True, True),
    ("bf16", ml_dtypes.bfloat16, 16, True, True),
    ("fp8-e4m3", ml_dtypes.float8_e4m3fn, 8, True, True),
    ("fp8-e5m2", ml_dtypes.float8_e5m2, 8, True, True),
    ("fp6-e2m3", ml_dtypes.float6_e2m3fn, 6, True, False),
    ("fp6-e3m2", ml_dtypes.float6_e3m2fn, 6, True, False),
    ("fp4-e2m1", ml_dtypes.float4_e2m1fn, 4, True, False),
    ("e8m0", ml_dtypes.float8_e8m0fnu, 8, False, True),
]


def bits(a) -> list[int]:
    return [int(x) for x in np.asarray(a, dtype=F32).view(np.uint32)]


def code_view(dtype, width):
    return np.uint16 if width == 16 else np.uint8


def decode(dtype, width, codes) -> np.ndarray:
    return np.asarray(codes, dtype=code_view(dtype, width)).view(dtype).astype(F32)


def encode(dtype, width, values) -> np.ndarray:
    return np.asarray(values, dtype=F32).astype(dtype).view(code_view(dtype, width)).astype(np.int64)


def sixteen_bit_sample(mantissa_bits, rng) -> np.ndarray:
    m = (1 << mantissa_bits) - 1
    half = 1 << (mantissa_bits - 1)
    mantissas = sorted({0, 1, 2, half - 1, half, half + 1, m - 1, m})
    top = (1 << (15 - mantissa_bits)) - 1
    exponents = sorted({0, 1, 2, top - 2, top - 1, top} | set(range(0, top, 4 if mantissa_bits < 10 else 1)))
    edges = [(e << mantissa_bits) | f for e in exponents for f in mantissas]
    randoms = rng.integers(0, 1 << 15, size=400).tolist()
    positive = sorted(set(edges) | set(randoms))
    return np.array(positive + [c | 0x8000 for c in positive], dtype=np.int64)


def neighbourhood(dtype, width, signed, codes, rng) -> np.ndarray:
    """Float32 inputs around the values of `codes` and their successors."""
    points: list[float] = []
    sign_mask = 1 << (width - 1) if signed else 0
    magnitudes = sorted({int(c) & ~sign_mask for c in codes})
    finite_max = float(ml_dtypes.finfo(dtype).max) if dtype is not np.float16 else 65504.0

    def add_with_ulps(x):
        x = F32(x)
        points.extend([x, np.nextafter(x, F32(-np.inf)), np.nextafter(x, F32(np.inf))])

    for c in magnitudes:
        v = float(decode(dtype, width, [c])[0])
        if not np.isfinite(v):
            continue
        points.append(F32(v))
        nxt = c + 1
        if nxt >= (1 << (width - 1 if signed else width)):
            continue
        w = float(decode(dtype, width, [nxt])[0])
        if not np.isfinite(w):
            continue
        mid = (v + w) / 2
        assert float(F32(mid)) == mid, (c, v, w)
        add_with_ulps(mid)
    # Overflow: the midpoint between the largest finite value and the next grid point beyond it.
    below_max = float(decode(dtype, width, [int(encode(dtype, width, [finite_max])[0]) - 1])[0])
    beyond = finite_max * 2 if dtype is ml_dtypes.float8_e8m0fnu else finite_max + (finite_max - below_max)
    if np.isfinite(F32((finite_max + beyond) / 2)):
        add_with_ulps((finite_max + beyond) / 2)
    if np.isfinite(F32(beyond)):
        add_with_ulps(beyond)
    for x in [finite_max * 4, 3.0e38, np.finfo(F32).max, np.inf, 0.0, np.finfo(F32).smallest_subnormal,
              np.finfo(F32).tiny, 2.0 ** -130, 1.0e-30, 1.0, 0.1, 1 / 3, np.pi]:
        if np.isfinite(F32(x)) or np.isinf(x):
            points.append(F32(x))
    # Log-uniform random magnitudes across float32's range.
    points.extend(F32(2.0) ** rng.uniform(-149, 127.9, size=300).astype(F32))
    positive = np.array(points, dtype=F32)
    return np.concatenate([positive, -positive])


def element_fixture(name, dtype, width, signed, has_nan, rng) -> dict:
    if width <= 8:
        codes = np.arange(1 << width)
    else:
        codes = sixteen_bit_sample(10 if dtype is np.float16 else 7, rng)
    values = decode(dtype, width, codes)
    inputs = neighbourhood(dtype, width, signed, codes, rng)
    if has_nan:
        inputs = np.concatenate([inputs, np.array([np.nan, -np.nan], dtype=F32)])
    if dtype is ml_dtypes.float8_e8m0fnu:
        # ml-dtypes rounds every float32 subnormal in (2^-127, 2^-126) up to 2^-126, even 1.36·2^-127, whose nearest
        # E8M0 value is 2^-127; these inputs are left out (Reckon rounds them to nearest, tested by hand).
        magnitude = np.abs(inputs.astype(np.float64))
        inputs = inputs[~((magnitude > 2.0 ** -127) & (magnitude < 2.0 ** -126))]
    # Unique by bit pattern, keeping order.
    _, first = np.unique(inputs.view(np.uint32), return_index=True)
    inputs = inputs[np.sort(first)]
    non_saturating = encode(dtype, width, inputs)
    decoded = decode(dtype, width, non_saturating)
    max_code = int(encode(dtype, width, [F32(ml_dtypes.finfo(dtype).max) if dtype is not np.float16 else 65504])[0])
    sign_bit = 1 << (width - 1) if signed else 0
    saturating = non_saturating.copy()
    for i, (x, d) in enumerate(zip(inputs, decoded)):
        if np.isnan(x) or np.isfinite(d):
            continue
        if not signed and not x > 0:
            continue  # E8M0 has no code for zero or negatives: NaN stays
        saturating[i] = max_code | (sign_bit if x < 0 else 0)
    return {
        "format": name,
        "reference": f"ml_dtypes {ml_dtypes.__version__} {np.dtype(dtype).name}, numpy {np.__version__}",
        "generator": COMMAND,
        "decodeCodes": [int(c) for c in codes] if width > 8 else None,
        "decodeValues": bits(values),
        "encodeInputs": bits(inputs),
        "nonSaturating": [int(c) for c in non_saturating],
        "saturating": [int(c) for c in saturating],
        "notes": "NaN inputs are left out for formats without a NaN code (ml-dtypes maps NaN to a zero of the "
                 "opposite sign there; Reckon's rule is +0, tested separately). E8M0: inputs strictly between "
                 "2^-127 and 2^-126 are left out (ml-dtypes rounds those float32 subnormals up, not to nearest).",
    }


# ----------------------------------------------------------------------------------------------------------------
# Blocks: numpy reference of the MX and NVFP4 rules.

MX = [("mxfp8-e4m3", ml_dtypes.float8_e4m3fn), ("mxfp8-e5m2", ml_dtypes.float8_e5m2),
      ("mxfp6-e2m3", ml_dtypes.float6_e2m3fn), ("mxfp6-e3m2", ml_dtypes.float6_e3m2fn),
      ("mxfp4", ml_dtypes.float4_e2m1fn)]


def to_blocks(values, size):
    count = len(values)
    n_blocks = -(-count // size)
    padded = np.zeros(n_blocks * size, dtype=F32)
    padded[:count] = values
    return padded.reshape(n_blocks, size)


def mx_encode(values, dtype):
    max_elem = F32(ml_dtypes.finfo(dtype).max)
    emax = int(np.frexp(max_elem)[1]) - 1
    scales, elements, decoded = [], [], []
    for block in to_blocks(values, 32):
        if not np.all(np.isfinite(block)):
            scales.append(255)
            elements.extend([0] * 32)
            decoded.extend([np.nan] * 32)
            continue
        amax = F32(np.max(np.abs(block)))
        shared = -127 if amax == 0 else int(np.clip(int(np.frexp(amax)[1]) - 1 - emax, -127, 127))
        x = F32(2.0 ** shared)
        scaled = np.clip((block / x).astype(F32), -max_elem, max_elem)
        codes = scaled.astype(dtype)
        scales.append(shared + 127)
        elements.extend(int(c) for c in codes.view(np.uint8))
        decoded.extend((codes.astype(F32) * x).astype(F32))
    return scales, elements, F32(1), np.array(decoded[:len(values)], dtype=F32)


def nvfp4_encode(values):
    e4m3, e2m1 = ml_dtypes.float8_e4m3fn, ml_dtypes.float4_e2m1fn
    finite = values[np.isfinite(values)]
    amax = F32(np.max(np.abs(finite))) if finite.size else F32(0)
    tensor_scale, s_enc = F32(1), F32(0)
    with np.errstate(divide="ignore", over="ignore"):
        if amax > 0 and np.isfinite(F32(2688) / amax):
            tensor_scale, s_enc = F32(amax / F32(2688)), F32(F32(2688) / amax)
    scales, elements, decoded = [], [], []
    for block in to_blocks(values, 16):
        if not np.all(np.isfinite(block)):
            scales.append(0x7F)
            elements.extend([0] * 16)
            decoded.extend([np.nan] * 16)
            continue
        block_amax = F32(np.max(np.abs(block)))
        wanted = F32(F32(block_amax / F32(6)) * s_enc)
        scale_code = np.array([min(wanted, F32(448))], dtype=F32).astype(e4m3)
        block_scale = F32(scale_code.astype(F32)[0])
        scales.append(int(scale_code.view(np.uint8)[0]))
        if block_scale == 0:
            elements.extend([0] * 16)
            decoded.extend([F32(0)] * 16)
            continue
        q = np.clip(((block * s_enc).astype(F32) / block_scale).astype(F32), F32(-6), F32(6)).astype(e2m1)
        elements.extend(int(c) for c in q.view(np.uint8))
        decoded.extend(((q.astype(F32) * block_scale).astype(F32) * tensor_scale).astype(F32))
    return scales, elements, tensor_scale, np.array(decoded[:len(values)], dtype=F32)


def block_cases(rng, size):
    def blocks(n):
        return (rng.standard_normal(n * size) * 10.0 ** rng.uniform(-3, 3, size=n).repeat(size)).astype(F32)
    power_of_two = rng.uniform(-1, 1, size).astype(F32)
    power_of_two[5] = F32(-4.0)
    power_of_two = np.clip(power_of_two, -4, 4)
    with_nan = blocks(2)
    with_nan[size + 3] = np.nan
    with_inf = blocks(2)
    with_inf[1] = np.inf
    v = [0.1, -0.2, 0.3, 0.75, 1.0, -1.7, 2.9, 3.3, 5.5, -7.9] + [0.0] * 22
    return [
        ("random", blocks(16)),
        ("all zero", np.zeros(size, dtype=F32)),
        ("negative zeros", -np.zeros(size, dtype=F32)),
        ("max is a power of two", power_of_two),
        ("max is a power of two, positive", np.abs(power_of_two)),
        ("nan in second block", with_nan),
        ("infinity in first block", with_inf),
        ("tiny (shared exponent clamps at -127)", (rng.standard_normal(size) * F32(1e-39)).astype(F32)),
        ("huge", (rng.standard_normal(size) * F32(1e37)).astype(F32)),
        ("partial last block", blocks(2)[: size + 5]),
        ("numerics.md T3", np.array(v[:size] if size == 32 else
                                     [0.1, -0.2, 0.3, 0.75, 1.0, -1.7, 2.9, 3.3, 5.5, -7.9, 0.05, 0, 4.4, -3.1, 2.2,
                                      0.6], dtype=F32)),
        ("ties and saturation", np.array([0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5.0, 7.0, 7.99, -0.75, 6.0, 4.0]
                                         + [0.0] * (size - 12), dtype=F32)),
    ]


def blocks_fixture(rng) -> dict:
    out = []
    for name, dtype in MX + [("nvfp4", None)]:
        size = 16 if name == "nvfp4" else 32
        for case, values in block_cases(rng, size):
            if name == "nvfp4" and case == "numerics.md T3":
                values = values.copy()
                values[np.argmax(np.abs(values))] = F32(-7.9)
                values = np.concatenate([values, np.array([10.0] + [0.0] * 15, dtype=F32)])  # tensor amax 10
            scales, elements, tensor_scale, decoded = (nvfp4_encode(values) if dtype is None
                                                       else mx_encode(values, dtype))
            out.append({"format": name, "case": case, "values": bits(values), "scaleCodes": scales,
                        "elementCodes": elements, "tensorScale": bits([tensor_scale])[0], "decoded": bits(decoded)})
    return {"reference": f"numpy {np.__version__} + ml_dtypes {ml_dtypes.__version__}, float32 arithmetic",
            "generator": COMMAND, "cases": out}


# ----------------------------------------------------------------------------------------------------------------
# int-k: numpy float32 reference of numerics.md §9.

def int_quantize(values, bits_, scheme, group):
    qmax = (1 << (bits_ - 1)) - 1 if scheme == "symmetric" else (1 << bits_) - 1
    qmin = -qmax if scheme == "symmetric" else 0
    codes, scales, zeros, decoded = [], [], [], []
    for g in values.reshape(-1, group):
        if scheme == "symmetric":
            s, z = F32(np.max(np.abs(g)) / F32(qmax)), F32(0)
        else:
            lo, hi = min(F32(np.min(g)), F32(0)), max(F32(np.max(g)), F32(0))
            s = F32(F32(hi - lo) / F32(qmax))
            z = F32(np.clip(np.rint(F32(-lo / s)), 0, qmax)) if s > 0 else F32(0)
        if not s > 0:
            s, z = F32(1), F32(0)
        q = np.clip(np.rint((g / s).astype(F32)) + z, qmin, qmax).astype(F32)
        codes.extend(int(c) for c in q)
        scales.append(s)
        zeros.append(int(z))
        decoded.extend((s * (q - z)).astype(F32))
    return codes, scales, zeros, decoded


def integers_fixture(rng) -> dict:
    values = (rng.standard_normal(64) * rng.uniform(0.1, 3, 64)).astype(F32)
    shifted = (values + F32(1.5)).astype(F32)  # mostly positive: exercises the zero point
    cases = []
    for data_name, data in [("centred", values), ("shifted", shifted)]:
        for bits_ in range(2, 9):
            for scheme in ["symmetric", "asymmetric"]:
                for granularity, group in [("perTensor", 64), ("perChannel", 16), ("perGroup", 8)]:
                    codes, scales, zeros, decoded = int_quantize(data, bits_, scheme, group)
                    cases.append({"data": data_name, "bits": bits_, "scheme": scheme, "granularity": granularity,
                                  "groupLength": group, "codes": codes, "scales": bits(scales), "zeroPoints": zeros,
                                  "decoded": bits(decoded)})
    return {"reference": f"numpy {np.__version__}, float32 arithmetic, np.rint (ties to even)", "generator": COMMAND,
            "values": {"centred": bits(values), "shifted": bits(shifted)}, "cases": cases}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(20261207)
    for name, dtype, width, signed, has_nan in FORMATS:
        fixture = element_fixture(name, dtype, width, signed, has_nan, rng)
        if fixture["decodeCodes"] is None:
            del fixture["decodeCodes"]
        write_json(os.path.join(args.out, f"{name}.json"), fixture)
        print(f"{name}: {len(fixture['decodeValues'])} codes decoded, {len(fixture['encodeInputs'])} inputs encoded")
    write_json(os.path.join(args.out, "blocks.json"), blocks_fixture(rng))
    write_json(os.path.join(args.out, "integers.json"), integers_fixture(rng))


if __name__ == "__main__":
    main()
