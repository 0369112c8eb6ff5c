"""Independent answers for sampled arithmetic and NUPA instances, recomputed with Python ints/Fractions from the
operands stored in each instance's `data`.

Usage:
  reckon tasks sample arithmetic-add --seed 3 --count 5 | python3 Scripts/tasks/answer_oracle.py
Reads JSON lines (instances), prints JSON lines {"family","seed","index","params","answer"} with the answer Python
computes; with --check it instead compares against each line's "answer" and exits 1 on any mismatch.
Regenerate the fixture with Scripts/tasks/record_answer_oracle.sh.
"""
import json
import sys
from fractions import Fraction
from decimal import Decimal, getcontext

getcontext().prec = 400

def fmt_int(v, fmt, width):
    s = str(abs(v))
    sign = "-" if v < 0 else ""
    if fmt == "plain":
        return sign + s
    if fmt == "reversed":
        return sign + s[::-1]
    if fmt == "zero-padded":
        return sign + s.rjust(width, "0")
    if fmt == "digit-spaced":
        return sign + " ".join(s)
    raise ValueError(fmt)

def arithmetic(inst):
    fam, p, d = inst["family"], inst["params"], inst["data"]
    fmt = p["format"]
    if fam == "arithmetic-powmod":
        base, exp, mod = int(d["base"]), int(d["exponent"]), int(d["modulus"])
        return fmt_int(pow(base, exp, mod), fmt, int(p["digits_modulus"]))
    a, b = int(d["a"]), int(d["b"])
    da, db = int(p["digits_a"]), int(p["digits_b"])
    if fam == "arithmetic-add":
        return fmt_int(a + b, fmt, max(da, db) + 1)
    if fam == "arithmetic-sub":
        return fmt_int(a - b, fmt, max(da, db))
    if fam == "arithmetic-mul":
        return fmt_int(a * b, fmt, da + db)
    if fam == "arithmetic-divmod":
        return fmt_int(a // b, fmt, da) + " remainder " + fmt_int(a % b, fmt, db)
    if fam == "arithmetic-mod":
        return fmt_int(a % b, fmt, db)
    raise ValueError(fam)

def parse_num(s, rep):
    if rep == "fraction":
        n, d = s.split("/")
        return Fraction(int(n), int(d))
    if rep == "scientific":
        m, e = s.split("e")
        return Fraction(Decimal(m)) * Fraction(10) ** int(e)
    return Fraction(Decimal(s))

def dec_digits(x):
    """(integer part string, decimal part string) of a non-negative terminating decimal."""
    places = 0
    while (x * 10 ** places).denominator != 1:
        places += 1
    n = int(x * 10 ** places)
    s = str(n).rjust(places + 1, "0")
    return (s[:len(s) - places] if places else s), (s[len(s) - places:] if places else "")

def float_str(x):
    i, f = dec_digits(x)
    return i + "." + (f if f else "0")

def sci_str(x, sig=None):
    if x == 0:
        return "0.0e0"
    i, f = dec_digits(x)
    digits = (i + f).lstrip("0")
    exponent = len(i.lstrip("0")) - 1 if i.lstrip("0") else -(len(f) - len(f.lstrip("0")) + 1)
    digits = digits.rstrip("0") or "0"
    if sig is not None and len(digits) < sig:
        digits += "0" * (sig - len(digits))
    if len(digits) == 1:
        digits += "0"
    return digits[0] + "." + digits[1:] + "e" + str(exponent)

def write(x, rep):
    if rep == "integer":
        assert x.denominator == 1
        return str(x.numerator)
    if rep == "float":
        return float_str(x)
    if rep == "fraction":
        return f"{x.numerator}/{x.denominator}"
    return sci_str(x)

def digitwise(a, b, op):
    ai, af = dec_digits(a)
    bi, bf = dec_digits(b)
    w = max(len(ai), len(bi)); fw = max(len(af), len(bf))
    x = ai.rjust(w, "0") + af.ljust(fw, "0")
    y = bi.rjust(w, "0") + bf.ljust(fw, "0")
    out = "".join(str(op(int(p), int(q))) for p, q in zip(x, y))
    return Fraction(int(out), 10 ** fw)

def nupa(inst):
    p, d = inst["params"], inst["data"]
    task, rep = p["task"], p["representation"]
    a = parse_num(d["a"], rep) if "a" in d else None
    b = parse_num(d["b"], rep) if "b" in d else None
    if task == "add": return write(a + b, rep)
    if task == "sub": return write(a - b, rep)
    if task == "multiply": return write(a * b, rep)
    if task == "truediv":
        q = a / b
        return f"{q.numerator}/{q.denominator}"
    if task == "floordiv": return str(int(a) // int(b))
    if task == "mod": return str(int(a) % int(b))
    if task == "max": return write(max(a, b), rep)
    if task == "min": return write(min(a, b), rep)
    if task == "digit_max": return write(digitwise(a, b, max), rep)
    if task == "digit_min": return write(digitwise(a, b, min), rep)
    if task == "digit_add": return write(digitwise(a, b, lambda x, y: (x + y) % 10), rep)
    if task in ("get_digit", "length"):
        i, f = dec_digits(a)
        digits = i + (f if f else ("0" if rep == "float" else ""))
        if task == "length":
            return str(len(digits))
        return digits[int(d["position"]) - 1]
    if task == "count": return str(d["a"].count(d["digit"]))
    if task == "to_float": return float_str(a)
    if task == "to_scient": return sci_str(a)
    if task == "sig":
        k = int(d["figures"])
        i, f = dec_digits(a)
        exponent = len(i.lstrip("0")) - 1 if i.lstrip("0") else -(len(f) - len(f.lstrip("0")) + 1)
        shift = k - 1 - exponent
        scaled = a * Fraction(10) ** shift
        q, r = divmod(scaled.numerator, scaled.denominator)
        if 2 * r >= scaled.denominator:
            q += 1
        return sci_str(Fraction(q) / Fraction(10) ** shift, sig=k)
    raise ValueError(task)

def answer(inst):
    if inst["family"].startswith("arithmetic-"):
        return arithmetic(inst)
    if inst["family"] == "nupa":
        return nupa(inst)
    raise ValueError(inst["family"])

def main():
    check = "--check" in sys.argv
    bad = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        inst = json.loads(line)
        ours = answer(inst)
        if check:
            if ours != inst["answer"]:
                bad += 1
                print(f"MISMATCH {inst['id']}: swift={inst['answer']!r} python={ours!r}", file=sys.stderr)
        else:
            print(json.dumps({"family": inst["family"], "seed": inst["seed"], "index": inst["index"],
                              "params": inst["params"], "answer": ours}, sort_keys=True))
    if check:
        print(f"checked; {bad} mismatches", file=sys.stderr)
        sys.exit(1 if bad else 0)

main()
