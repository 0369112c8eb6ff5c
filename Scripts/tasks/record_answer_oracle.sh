#!/usr/bin/env bash
# Records Tests/TasksTests/Fixtures/answer-oracle.jsonl: instances sampled with the reckon CLI, answered by
# Scripts/tasks/answer_oracle.py (Python ints / Fractions). The Swift test regenerates each instance and
# compares its answer with Python's. Usage: Scripts/tasks/record_answer_oracle.sh [path/to/reckon]
set -euo pipefail
cd "$(dirname "$0")/../.."
RECKON=${1:-.build/debug/reckon}
OUT=Tests/TasksTests/Fixtures/answer-oracle.jsonl
{
  for family in arithmetic-add arithmetic-sub arithmetic-mul arithmetic-divmod arithmetic-mod; do
    for format in plain reversed zero-padded digit-spaced; do
      for digits in "1 1" "3 7" "12 5" "30 30"; do
        set -- $digits
        "$RECKON" tasks sample "$family" --difficulty format=$format digits_a=$1 digits_b=$2 --seed 2026 --count 3
      done
    done
  done
  for format in plain reversed zero-padded digit-spaced; do
    for digits in "1 1 1" "5 3 4" "30 30 30"; do
      set -- $digits
      "$RECKON" tasks sample arithmetic-powmod --difficulty format=$format digits_base=$1 digits_exponent=$2 digits_modulus=$3 --seed 2026 --count 3
    done
  done
  for task in add sub multiply truediv floordiv mod max min digit_max digit_min digit_add get_digit length count to_float to_scient sig; do
    for rep in integer float fraction scientific; do
      for digits in 1 4 13 30; do
        "$RECKON" tasks sample nupa --difficulty task=$task representation=$rep digits=$digits --seed 2026 --count 2 2>/dev/null || true
      done
    done
  done
} | python3 Scripts/tasks/answer_oracle.py > "$OUT"
wc -l "$OUT"
