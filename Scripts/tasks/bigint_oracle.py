"""Writes Tests/ExactTests/Fixtures/bigint-oracle.json: random big-integer cases computed with Python ints.

Usage: python3 Scripts/tasks/bigint_oracle.py > Tests/ExactTests/Fixtures/bigint-oracle.json
Each case: a, b (b > 0), e, m (m > 0) as decimal strings, and sum, diff (|a-b|), prod, quot, rem, powmod, gcd, isqrt.
"""
import json
import math
import random

rng = random.Random(20261129)
cases = []
def rand_digits(n):
    if n == 1:
        return rng.randrange(0, 10)
    return rng.randrange(10 ** (n - 1), 10 ** n)

specials = [0, 1, 2, 9, 10, 2**32 - 1, 2**32, 2**32 + 1, 2**64 - 1, 2**64, 2**96 - 1, 10**18, 10**19, 10**30 - 1]
pairs = []
for x in specials:
    for y in specials:
        pairs.append((x, y))
for _ in range(400):
    pairs.append((rand_digits(rng.randint(1, 60)), rand_digits(rng.randint(1, 60))))
# Knuth D corner cases: divisors whose top limb is near 2^32 and dividends that force the add-back step.
for _ in range(100):
    top = rng.randrange(2**31, 2**32)
    b = (top << 64) | rng.randrange(0, 2**64)
    a = b * rng.randrange(1, 2**64) + rng.randrange(0, b)
    pairs.append((a, b))
for a, b in pairs:
    if b == 0:
        b = 7
    e = rand_digits(rng.randint(1, 30))
    m = rand_digits(rng.randint(1, 30)) or 3
    cases.append({
        "a": str(a), "b": str(b), "e": str(e), "m": str(m),
        "sum": str(a + b), "diff": str(abs(a - b)), "prod": str(a * b),
        "quot": str(a // b), "rem": str(a % b), "powmod": str(pow(a, e, m)),
        "gcd": str(math.gcd(a, b)), "isqrt": str(math.isqrt(a)),
    })
print(json.dumps(cases, indent=0))
