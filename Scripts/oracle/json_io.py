"""JSON writing shared by the oracle scripts: indented objects, number lists kept on one line."""
from __future__ import annotations

import json
import re

_NUMBER_LIST = re.compile(r"\[\s*(-?[0-9][^\[\]{}\"]*?)\s*\]", re.S)


def dumps_compact(obj) -> str:
    text = json.dumps(obj, indent=1, ensure_ascii=False)
    return _NUMBER_LIST.sub(lambda m: "[" + ",".join(x.strip() for x in m.group(1).split(",")) + "]", text)


def write_json(path: str, obj) -> None:
    text = dumps_compact(obj)
    assert json.loads(text) == obj
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")
