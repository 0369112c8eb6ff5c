#!/usr/bin/env python3
"""Independent reference values for Reckon's Analysis target (Tests/AnalysisTests/OracleGoldenTests.swift).

Everything here is computed a different way from the Swift code:
  * pass@k      exact rational 1 - C(n-c,k)/C(n,k) with math.comb and fractions.Fraction (big integers);
  * maj@k       exact rationals by summing over every vote-count vector (t_correct, t_1, ..., t_m, t_abstain)
                with weight prod C(size, t) / C(n, k)  (and, for n <= 12, by itertools enumeration of subsets);
  * coverage    exact rational mean of pass@k over problems;
  * fits        numpy.polyfit on (ln k, ln(-ln c)) and scipy.optimize.curve_fit of exp(a k^b) on c;
  * bootstrap   SplitMix64-seeded xoshiro256** (random_reference.py) + Lemire bounded integers in Python,
                numpy.percentile (linear) on the replicate means.
Run: python3 Scripts/oracle/analysis_reference.py   (packages pinned in Scripts/oracle/requirements.txt)
"""
import itertools
import math
from fractions import Fraction

import numpy as np
from scipy.optimize import curve_fit

from random_reference import Xoshiro256StarStar

MASK = (1 << 64) - 1


def pass_at_k(n, c, k):
    return 1 - Fraction(math.comb(n - c, k), math.comb(n, k))


def maj_at_k_counts(correct, others, abstain, k, ties):
    """Sum over vote-count vectors; ties = 'split' (1/(1+#tied)) or 'wrong' (0)."""
    n = correct + sum(others) + abstain
    total = Fraction(0)
    sizes = [correct] + list(others) + [abstain]
    for ts in itertools.product(*[range(min(s, k) + 1) for s in sizes]):
        if sum(ts) != k:
            continue
        weight = 1
        for s, t in zip(sizes, ts):
            weight *= math.comb(s, t)
        tc, tos = ts[0], ts[1:-1]
        if tc == 0:
            continue
        top = max(tos, default=0)
        if top > tc:
            continue
        tied = sum(1 for t in tos if t == tc)
        score = Fraction(1, tied + 1) if ties == "split" else Fraction(int(tied == 0))
        total += weight * score
    return total / math.comb(n, k)


def maj_at_k_enumerate(answers, correct, k, ties):
    """Brute force over all k-subsets of labelled samples (None = no answer)."""
    total, count = Fraction(0), 0
    for subset in itertools.combinations(answers, k):
        votes = {}
        for a in subset:
            if a is not None:
                votes[a] = votes.get(a, 0) + 1
        count += 1
        if correct not in votes:
            continue
        top = max(votes.values())
        if votes[correct] < top:
            continue
        tied = sum(1 for v in votes.values() if v == top) - 1
        total += Fraction(1, tied + 1) if ties == "split" else Fraction(int(tied == 0))
    return total / count


class Xoshiro(Xoshiro256StarStar):
    """The shared generator reference (random_reference.py) plus Lemire's bounded draw."""

    def below(self, bound):
        # Lemire: high 64 bits of x*bound, rejecting low parts under (2^64 - bound) % bound.
        m = self.next() * bound
        if (m & MASK) < bound:
            threshold = ((1 << 64) - bound) % bound
            while (m & MASK) < threshold:
                m = self.next() * bound
        return m >> 64


def main():
    print("# pass@k exact (n, c, k, value)")
    for n, c, k in [(10, 3, 2), (100000, 37, 1000), (100000, 1, 1), (1000000, 5, 100), (100000, 50000, 10),
                    (1000000, 999990, 7), (100000, 3, 99990)]:
        print(n, c, k, repr(float(pass_at_k(n, c, k))))

    print("# maj@k by vote-count vectors (correct, others, abstain, k, ties, value)")
    for correct, others, abstain, k in [(10, [8, 8, 5, 3], 2, 15), (3, [4, 2, 2], 1, 6), (20, [25, 5], 0, 9)]:
        for ties in ("split", "wrong"):
            print(correct, others, abstain, k, ties, repr(float(maj_at_k_counts(correct, others, abstain, k, ties))))

    print("# maj@k by enumerating subsets (answers, correct, k, ties, value)")
    answers = ["7", "3", "7", None, "5", "3", "7", "3", "9", "5", None]
    for k in (3, 4, 6):
        for ties in ("split", "wrong"):
            print("".join(a or "-" for a in answers), "7", k, ties, repr(float(maj_at_k_enumerate(answers, "7", k, ties))))

    print("# coverage (problems as (n, c); k, value)")
    problems = [(20, 0), (20, 1), (20, 2), (20, 5), (20, 20), (25, 3)]
    for k in (1, 2, 5, 10, 20):
        print(k, repr(float(sum(pass_at_k(n, c, k) for n, c in problems) / len(problems))))

    print("# power-law fits on the coverage of problems n=200, c_i = floor(200 * 0.9**i), i = 0..59, k = 1..200")
    fit_problems = [(200, int(200 * 0.9 ** i)) for i in range(60)]
    ks = np.arange(1, 201, dtype=float)
    cov = np.array([float(sum(pass_at_k(n, c, int(k)) for n, c in fit_problems) / len(fit_problems)) for k in ks])
    usable = (cov > 0) & (cov < 1)
    b, log_minus_a = np.polyfit(np.log(ks[usable]), np.log(-np.log(cov[usable])), 1)
    print("loglinear a", repr(-math.exp(log_minus_a)), "b", repr(float(b)))
    (a2, b2), _ = curve_fit(lambda k, a, b: np.exp(a * k ** b), ks, cov, p0=(-math.exp(log_minus_a), b),
                            xtol=1e-14, ftol=1e-14, gtol=1e-14, maxfev=100000)
    print("curve_fit a", repr(float(a2)), "b", repr(float(b2)))
    print("coverage at k=1,10,200", repr(float(cov[0])), repr(float(cov[9])), repr(float(cov[199])))

    print("# bootstrap: data x_i = ((i * 37) % 101) / 101 for i in 0..<40, seed 2024, B = 500, level 0.9")
    data = np.array([((i * 37) % 101) / 101 for i in range(40)])
    rng = Xoshiro(2024)
    means = [sum(data[rng.below(len(data))] for _ in range(len(data))) / len(data) for _ in range(500)]
    lo, hi = np.percentile(np.array(means), [5, 95])
    print("estimate", repr(float(data.mean())), "lower", repr(float(lo)), "upper", repr(float(hi)))
    rng = Xoshiro(99)
    print("xoshiro seed 99 first 3:", [rng.next() for _ in range(3)], "below(10) x5:", [rng.below(10) for _ in range(5)])


if __name__ == "__main__":
    main()
