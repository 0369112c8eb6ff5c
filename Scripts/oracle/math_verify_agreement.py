"""Agreement of `reckon answers check` with Math-Verify on a hand-written corpus of (gold, response) pairs.

Math-Verify (Hugging Face's LaTeX/SymPy answer checker) serves as an independent oracle: its verdict on every corpus
line is recorded in the corpus (`math_verify`), next to our hand-written verdict (`expected`); lines where the two
differ are marked `math_verify_error: true` (Math-Verify is wrong there, by our reading of the class; each such line
is discussed in Docs/answer-checking.md). Tests/AnswersTests/MathVerifyAgreementTests.swift reads the same file and
asserts Reckon agrees with Math-Verify on every line where Math-Verify is right, and with `expected` elsewhere.

Setup (a private venv outside the repository; pins in math_verify_requirements.txt):
  python3 -m venv ~/.cache/reckon-mathverify/venv
  ~/.cache/reckon-mathverify/venv/bin/pip install -r Scripts/oracle/math_verify_requirements.txt
Usage:
  swift build --product reckon
  ~/.cache/reckon-mathverify/venv/bin/python Scripts/oracle/math_verify_agreement.py            # report only
  ~/.cache/reckon-mathverify/venv/bin/python Scripts/oracle/math_verify_agreement.py --record   # rewrite columns
Options: --corpus FILE (default Scripts/oracle/math_verify_corpus.jsonl), --reckon PATH (default
.build/debug/reckon), --json FILE (write the summary as JSON).

How Math-Verify is called: golds are answers, so they are wrapped in `$…$` before `parse` (Math-Verify extracts LaTeX
only from math environments; a bare gold falls back to `parse(gold)` when that yields nothing); responses go through
`parse` unchanged; the verdict is `verify(gold, prediction)` with default settings.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

from math_verify import parse, verify

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
COLUMNS = ["id", "class", "gold", "prediction", "expected", "math_verify", "math_verify_error", "note"]


def math_verify_verdict(gold, prediction):
    gold_parsed = parse("$" + gold + "$")
    if not gold_parsed:
        gold_parsed = parse(gold)
    predicted = parse(prediction)
    try:
        return bool(verify(gold_parsed, predicted))
    except Exception:  # noqa: BLE001 - Math-Verify's own errors count as "not equivalent", as its users see them
        return False


def reckon_verdicts(reckon, rows):
    lines = "".join(json.dumps({"gold": r["gold"], "prediction": r["prediction"]}) + "\n" for r in rows)
    out = subprocess.run([reckon, "answers", "check", "--input", "-"], input=lines, capture_output=True, text=True,
                         check=True)
    results = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if len(results) != len(rows):
        sys.exit(f"reckon printed {len(results)} results for {len(rows)} lines")
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.path.join(HERE, "math_verify_corpus.jsonl"))
    parser.add_argument("--reckon", default=os.path.join(ROOT, ".build", "debug", "reckon"))
    parser.add_argument("--record", action="store_true", help="rewrite the math_verify columns of the corpus")
    parser.add_argument("--json", help="write the summary here")
    args = parser.parse_args()

    with open(args.corpus, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for row in rows:
        row["math_verify"] = math_verify_verdict(row["gold"], row["prediction"])
        row["math_verify_error"] = row["math_verify"] != row["expected"]
    if args.record:
        with open(args.corpus, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps({k: row[k] for k in COLUMNS if k in row}, ensure_ascii=False) + "\n")

    results = reckon_verdicts(args.reckon, rows)
    per_class = collections.defaultdict(lambda: collections.Counter())
    disagreements = []
    for row, result in zip(rows, results):
        ours = result["equivalent"]
        c = per_class[row["class"]]
        c["n"] += 1
        c["agree"] += ours == row["math_verify"]
        c["reckon_right"] += ours == row["expected"]
        c["mv_right"] += row["math_verify"] == row["expected"]
        if ours != row["math_verify"]:
            disagreements.append((row, ours))
    total = collections.Counter()
    for c in per_class.values():
        total.update(c)

    def pct(a, b):
        return f"{100.0 * a / b:.1f}%" if b else "-"

    print(f"{'class':<18}{'n':>5}{'agree':>10}{'reckon ok':>12}{'MV ok':>10}")
    for name, c in sorted(per_class.items()):
        print(f"{name:<18}{c['n']:>5}{pct(c['agree'], c['n']):>10}{pct(c['reckon_right'], c['n']):>12}"
              f"{pct(c['mv_right'], c['n']):>10}")
    print(f"{'all':<18}{total['n']:>5}{pct(total['agree'], total['n']):>10}"
          f"{pct(total['reckon_right'], total['n']):>12}{pct(total['mv_right'], total['n']):>10}")
    mv_right = [r for r in rows if not r["math_verify_error"]]
    agree_where_mv_right = sum(1 for r, res in zip(rows, results)
                               if not r["math_verify_error"] and res["equivalent"] == r["math_verify"])
    print(f"agreement where Math-Verify is right: {agree_where_mv_right}/{len(mv_right)}")
    for row, ours in disagreements:
        tag = "MV wrong" if row["math_verify_error"] else "RECKON WRONG"
        print(f"  [{tag}] #{row['id']} {row['class']}: gold={row['gold']!r} response={row['prediction']!r} "
              f"reckon={ours} math_verify={row['math_verify']} expected={row['expected']}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"lines": total["n"], "agree": total["agree"], "reckon_right": total["reckon_right"],
                       "math_verify_right": total["mv_right"],
                       "agree_where_math_verify_right": agree_where_mv_right,
                       "math_verify_right_lines": len(mv_right),
                       "per_class": {k: dict(v) for k, v in per_class.items()}}, f, indent=1, sort_keys=True)
    return 0 if agree_where_mv_right == len(mv_right) else 1


if __name__ == "__main__":
    sys.exit(main())
