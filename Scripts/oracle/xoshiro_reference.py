#!/usr/bin/env python3
"""Independent reference for Reckon's SeededGenerator: SplitMix64 seeding + xoshiro256** (Blackman & Vigna).

Prints the first five outputs for seeds 0 and 42, the golden values in Tests/SamplingTests/SeededGeneratorTests.swift.
"""
MASK = (1 << 64) - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & MASK
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return x, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def stream(seed, n):
    x, s = seed, []
    for _ in range(4):
        x, z = splitmix64(x)
        s.append(z)
    out = []
    for _ in range(n):
        out.append((rotl((s[1] * 5) & MASK, 7) * 9) & MASK)
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
    return out


if __name__ == "__main__":
    for seed in (0, 42):
        print(seed, stream(seed, 5))
