#!/usr/bin/env python3
"""Independent reference for a run's identity (Reasoning `EvalConfiguration.identityJSON` / `identityHash`).

The identity is the canonical JSON of the configuration (keys sorted, no whitespace) and its SHA-256. Settings
added after the first runs appear only when in use: repetitionPenalty/penaltyWindow when the penalty is not 1,
stop when non-empty, taskVersion when recorded. Standard library only (json, hashlib).

Run: python3 Scripts/oracle/eval_identity.py   (prints the JSON and hash of each case in
Tests/ReasoningTests/EvalConfigurationIdentityTests.swift)
"""
import hashlib
import json


def identity(c):
    fields = {k: c[k] for k in ("chat", "difficulty", "maxTokens", "minP", "model", "problems", "promptStyle",
                                 "samples", "seed", "task", "temperature", "topK", "topP")}
    if c.get("repetitionPenalty", 1.0) != 1.0:
        fields["repetitionPenalty"] = c["repetitionPenalty"]
        fields["penaltyWindow"] = c["penaltyWindow"]
    if c.get("stop"):
        fields["stop"] = c["stop"]
    if c.get("taskVersion") is not None:
        fields["taskVersion"] = c["taskVersion"]
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text, hashlib.sha256(text.encode("utf-8")).hexdigest()


BASE = {"chat": True, "difficulty": {"digits": "3"}, "maxTokens": 64, "minP": 0.05, "model": "scripted",
        "problems": 6, "promptStyle": "boxed", "samples": 5, "seed": 7, "task": "addition", "temperature": 0.8,
        "topK": 40, "topP": 0.95}

CASES = {
    "legacy": BASE,
    "versioned": dict(BASE, taskVersion=2),
    "everything": dict(BASE, taskVersion=1, repetitionPenalty=1.1, penaltyWindow=32, stop=["\n\n", "Q:"]),
}

if __name__ == "__main__":
    for name, case in CASES.items():
        text, digest = identity(case)
        print(name)
        print(" ", text)
        print(" ", digest)
