#!/usr/bin/env bash
# Records Tests/TasksTests/Fixtures/determinism.json: for each key (a family id, optionally "?k=v&k=v" overrides),
# the SHA-256 (computed by sha256sum, independent of the Swift SHA-256) of
# `reckon tasks sample <family> --difficulty <overrides> --seed 42 --count 100` (canonical JSON lines, each + "\n").
# Re-record only when a family's version is bumped. Usage: Scripts/tasks/record_determinism.sh [path/to/reckon]
# [fixture.json]: with a fixture file (e.g. Tests/TasksTests/Fixtures/determinism-algo.json,
# determinism-arithmetic.json, determinism-puzzles.json), the keys already in that file are re-recorded into it.
set -euo pipefail
cd "$(dirname "$0")/../.."
RECKON=${1:-.build/debug/reckon}
OUT=${2:-Tests/TasksTests/Fixtures/determinism.json}
if [ $# -ge 2 ]; then
  mapfile -t keys < <(python3 -c "import json,sys; print('\n'.join(sorted(json.load(open(sys.argv[1])))))" "$OUT")
else
  keys=(arithmetic "arithmetic?op=mixed&digits=5" arithmetic-add arithmetic-sub arithmetic-mul arithmetic-divmod arithmetic-mod arithmetic-powmod
        "arithmetic-add?format=reversed" "arithmetic-mul?format=zero-padded&digits_a=12&digits_b=9"
        "arithmetic-sub?format=digit-spaced&scratchpad=steps" "arithmetic-divmod?scratchpad=steps&digits_a=20")
  for task in add sub multiply truediv floordiv mod max min digit_max digit_min digit_add get_digit length count to_float to_scient sig; do
    for rep in integer float fraction scientific; do
      if "$RECKON" tasks sample nupa --difficulty task=$task representation=$rep --seed 1 --count 0 >/dev/null 2>&1; then
        keys+=("nupa?task=$task&representation=$rep")
      fi
    done
  done
  keys+=(nupa)
fi
{
  echo "{"
  n=${#keys[@]}
  i=0
  for key in "${keys[@]}"; do
    i=$((i+1))
    family=${key%%\?*}
    overrides=()
    if [[ "$key" == *\?* ]]; then
      IFS='&' read -ra overrides <<< "${key#*\?}"
    fi
    args=()
    if [ ${#overrides[@]} -gt 0 ]; then args=(--difficulty "${overrides[@]}"); fi
    version=$("$RECKON" tasks list --format json | python3 -c "import json,sys; print([f['version'] for f in json.load(sys.stdin) if f['id']=='$family'][0])")
    hash=$("$RECKON" tasks sample "$family" "${args[@]}" --seed 42 --count 100 | sha256sum | cut -d' ' -f1)
    sep=","; [ $i -eq $n ] && sep=""
    echo "  \"$key\": {\"version\": $version, \"sha256\": \"$hash\"}$sep"
  done
  echo "}"
} > "$OUT"
echo "wrote $OUT (${#keys[@]} keys)"
