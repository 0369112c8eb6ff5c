"""Independent reference values for ReasoningTests (plain Python, no dependencies).

Prints: SampleSeed.derive goldens, ScriptedGenerator.choose goldens, MarginRule confidences as exact
fractions, the adaptive-allocation (D'Hondt) result for the constructed case, and the SHA-256 of a
configuration's identity JSON.
"""
import hashlib
from fractions import Fraction
from math import comb

MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def splitmix(state):
    z = (state + GAMMA) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def derive(run_seed, problem, sample):
    s0 = splitmix(run_seed)
    s1 = splitmix(s0 ^ (problem & MASK))
    return splitmix(s1 ^ (sample & MASK))


def choose(seed, weights):
    total = sum(max(0.0, w) for w in weights)
    u = (splitmix(seed) >> 11) * 2.0 ** -53
    target = u * total
    cumulative = 0.0
    last = None
    for i, w in enumerate(weights):
        if w <= 0:
            continue
        cumulative += w
        last = i
        if target < cumulative:
            return i
    return last


def confidence(a, b):
    n = a + b + 1
    return Fraction(sum(comb(n, i) for i in range(a + 1)), 2 ** n)


def adaptive(first_round, pools_len, first, samples, level=Fraction(95, 100)):
    """first_round: list of (leader, runner_up) per problem."""
    pri = []
    for a, b in first_round:
        c = confidence(a, b)
        settled = a > 0 and c >= level
        s = Fraction(max(0, a - 1), first - 1)
        pri.append(Fraction(0) if settled else s * (1 - c))
    used = [first] * len(pools_len)
    extra = [0] * len(pools_len)
    remaining = samples * len(pools_len) - sum(used)
    while remaining > 0:
        best = neediest(pri, used, pools_len, extra)
        if best is None:
            break
        extra[best] += 1
        used[best] += 1
        remaining -= 1
    return pri, used


def neediest(pri, used, pool_lengths, extra):
    """D'Hondt step: the problem with the largest priority / (extra samples + 1) that can still take a sample."""
    best, value = None, None
    for i, p in enumerate(pri):
        if p > 0 and used[i] < pool_lengths[i]:
            v = p / (extra[i] + 1)
            if best is None or v > value:
                best, value = i, v
    return best


def top_two(keys):
    counts = {}
    for k in keys:
        if k is not None:
            counts[k] = counts.get(k, 0) + 1
    ordered = sorted(counts.values(), reverse=True) + [0, 0]
    return ordered[0], ordered[1]


def priority(keys, level=Fraction(95, 100), exponent=1):
    a, b = top_two(keys)
    c = confidence(a, b)
    if a > 0 and c >= level:
        return Fraction(0)
    r = len(keys)
    s = Fraction(max(0, a - 1), r - 1) if r >= 3 else Fraction(1 if a >= 1 else 0)
    return (s if exponent == 1 else (1 if exponent == 0 else s ** exponent)) * (1 - c)


def adaptive_rounds(pools, first, samples, rounds, exponent=1):
    used = [min(first, len(p)) for p in pools]
    remaining = max(0, samples * len(pools) - sum(used))
    for rnd in range(rounds):
        if remaining <= 0:
            break
        left = rounds - rnd
        chunk = -(-remaining // left)
        pri = [priority(p[:u], exponent=exponent) for p, u in zip(pools, used)]
        extra = [0] * len(pools)
        handed = 0
        while chunk > 0:
            best = neediest(pri, used, [len(p) for p in pools], extra)
            if best is None:
                break
            extra[best] += 1
            used[best] += 1
            chunk -= 1
            handed += 1
        if handed == 0:
            break
        remaining -= handed
    return used


if __name__ == "__main__":
    for args in [(0, 0, 0), (42, 0, 0), (42, 0, 1), (42, 3, 7), (2**64 - 1, 5, 2)]:
        print("derive", args, derive(*args))
    for seed in [0, 1, 42, 123456789, 2**63]:
        print("choose", seed, choose(seed, [1, 2, 3, 4]), choose(seed, [0.5, 0, 0.5]))
    for a, b in [(0, 0), (1, 0), (2, 1), (2, 2), (3, 0), (3, 1), (4, 0), (4, 1), (5, 1), (6, 1), (3, 2)]:
        c = confidence(a, b)
        print("confidence", a, b, c, float(c))
    pri, used = adaptive([(4, 0), (2, 2), (2, 1), (1, 1)], [12] * 4, first=4, samples=6)
    print("adaptive priorities", [str(p) for p in pri], "used", used)
    identity = ('{"chat":true,"difficulty":{"digits":"3"},"maxTokens":64,"minP":0.05,"model":"scripted",'
                '"problems":6,"promptStyle":"boxed","samples":5,"seed":7,"task":"addition","temperature":0.8,'
                '"topK":40,"topP":0.95}')
    print("identity sha256", hashlib.sha256(identity.encode()).hexdigest())
    constructed = [list("AAAAAAAAAAAA"), list("BABACBAAAAAA"), list("ABACBAABBBBB"), list("BCDEFGHIJKLM")]
    for rounds in (1, 2, 4, 8):
        print("adaptive rounds", rounds, adaptive_rounds(constructed, first=4, samples=6, rounds=rounds))
    print("adaptive samples=12", adaptive_rounds(constructed, first=4, samples=12, rounds=1))
    for rounds in (1, 8):
        print("adaptive solvability=0 rounds", rounds, adaptive_rounds(constructed, first=4, samples=6, rounds=rounds, exponent=0))
