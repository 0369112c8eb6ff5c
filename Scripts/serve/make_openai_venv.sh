#!/usr/bin/env bash
# Makes (once) a private virtual environment with the pinned OpenAI Python client, for the server tests.
# Usage: Scripts/serve/make_openai_venv.sh   → prints the venv's python path on its last line.
# Location: $RECKON_OPENAI_VENV, default ~/.cache/reckon/venv-openai (outside the repository).
# Exit status: 0 ready; 1 the venv could not be made (no python3 -m venv, or the packages could not be installed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
requirements="$here/requirements.txt"
venv="${RECKON_OPENAI_VENV:-$HOME/.cache/reckon/venv-openai}"
stamp="$venv/.requirements"
if [[ -x "$venv/bin/python" && -f "$stamp" ]] && cmp -s "$stamp" "$requirements"; then
    echo "$venv/bin/python"
    exit 0
fi
mkdir -p "$(dirname "$venv")"
rm -rf "$venv"
python3 -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
"$venv/bin/python" -c "import openai; assert openai.__version__ == '1.109.1', openai.__version__" >&2
cp "$requirements" "$stamp"
echo "$venv/bin/python"
