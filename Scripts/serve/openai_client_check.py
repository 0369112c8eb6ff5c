"""Checks `reckon serve` with the official OpenAI Python client (pinned in requirements.txt).

Usage: python openai_client_check.py BASE_URL MODEL_ID
Prints one line per check ("ok <name>" or "FAIL <name>: <why>") and a last line "N passed, M failed";
exits 0 only when every check passed. Run by Tests/ServeTests/OpenAIClientTests.swift against a server it starts.
"""
import math
import sys

import openai
from openai import OpenAI

base_url, model = sys.argv[1], sys.argv[2]
client = OpenAI(base_url=base_url, api_key="unused", max_retries=0, timeout=600)
results = []


def check(name):
    def run(function):
        try:
            function()
            results.append((name, None))
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            results.append((name, f"{type(error).__name__}: {error}"))
        return function
    return run


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_error(kind, status, param=None, code=None, **request):
    create = client.chat.completions.create if "messages" in request else client.completions.create
    try:
        create(**request)
    except kind as error:
        expect(error.status_code == status, f"status {error.status_code}, expected {status}")
        if param is not None:
            expect(error.param == param, f"param {error.param!r}, expected {param!r}")
        if code is not None:
            expect(error.code == code, f"code {error.code!r}, expected {code!r}")
        return
    raise AssertionError(f"no {kind.__name__} raised")


MESSAGES = [{"role": "user", "content": "What is 2+2?"}]


@check("models")
def _():
    ids = [m.id for m in client.models.list().data]
    expect(ids == [model], f"models {ids}")


@check("completion")
def _():
    r = client.completions.create(model=model, prompt="The capital of France is", max_tokens=6, temperature=0, seed=1)
    expect(r.object == "text_completion", r.object)
    expect(len(r.choices) == 1 and r.choices[0].index == 0, r.choices)
    expect(r.choices[0].finish_reason in ("stop", "length"), r.choices[0].finish_reason)
    expect(r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens, r.usage)
    expect(0 < r.usage.completion_tokens <= 6, r.usage)


@check("chat with n and seed is reproducible")
def _():
    first = client.chat.completions.create(model=model, messages=MESSAGES, n=4, seed=1, max_tokens=10)
    again = client.chat.completions.create(model=model, messages=MESSAGES, n=4, seed=1, max_tokens=10)
    expect([c.index for c in first.choices] == [0, 1, 2, 3], [c.index for c in first.choices])
    expect(all(c.message.role == "assistant" for c in first.choices), "roles")
    expect([c.message.content for c in first.choices] == [c.message.content for c in again.choices],
           "same seed gave different choices")
    expect(len({c.message.content for c in first.choices}) > 1, "four sampled choices all equal")


@check("chat streaming equals non-streaming, usage last")
def _():
    whole = client.chat.completions.create(model=model, messages=MESSAGES, seed=7, max_tokens=10)
    chunks = list(client.chat.completions.create(model=model, messages=MESSAGES, seed=7, max_tokens=10, stream=True,
                                                 stream_options={"include_usage": True}))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    expect(text == whole.choices[0].message.content, f"{text!r} != {whole.choices[0].message.content!r}")
    finishes = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    expect(finishes == [whole.choices[0].finish_reason], finishes)
    expect(chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == whole.usage.completion_tokens,
           chunks[-1].usage)


@check("completion streaming")
def _():
    whole = client.completions.create(model=model, prompt="Once upon a time", seed=3, max_tokens=8)
    streamed = "".join(c.choices[0].text for c in
                       client.completions.create(model=model, prompt="Once upon a time", seed=3, max_tokens=8,
                                                 stream=True))
    expect(streamed == whole.choices[0].text, f"{streamed!r} != {whole.choices[0].text!r}")


@check("extra sampling fields (top_k, min_p) and stop")
def _():
    r = client.chat.completions.create(model=model, messages=MESSAGES, seed=2, max_tokens=12, top_p=0.9, stop=["\n"],
                                       extra_body={"top_k": 20, "min_p": 0.05})
    expect("\n" not in r.choices[0].message.content, r.choices[0].message.content)


@check("unknown model is 404")
def _():
    expect_error(openai.NotFoundError, 404, param="model", code="model_not_found", model="gpt-4o", messages=MESSAGES)


@check("out-of-range value is 400 naming the field")
def _():
    expect_error(openai.BadRequestError, 400, param="temperature", model=model, messages=MESSAGES, temperature=5)


@check("wrong field type is 400 naming the field")
def _():
    expect_error(openai.BadRequestError, 400, param="n", model=model, prompt="x", extra_body={"n": "four"})


@check("context that would not fit is 400")
def _():
    expect_error(openai.BadRequestError, 400, code="context_length_exceeded", model=model, messages=MESSAGES,
                 max_tokens=1_000_000)


@check("oversized body is 413")
def _():
    expect_error(openai.APIStatusError, 413, code="request_too_large", model=model, prompt="a" * (2 << 20))


@check("chat logprobs with top_logprobs")
def _():
    r = client.chat.completions.create(model=model, messages=MESSAGES, max_tokens=6, seed=4, logprobs=True,
                                       top_logprobs=3)
    content = r.choices[0].logprobs.content
    expect(len(content) == r.usage.completion_tokens, f"{len(content)} entries, {r.usage.completion_tokens} tokens")
    for entry in content:
        expect(entry.logprob <= 0, entry)
        expect(len(entry.top_logprobs) == 3, entry.top_logprobs)
        values = [alternative.logprob for alternative in entry.top_logprobs]
        expect(values == sorted(values, reverse=True), values)
        expect(sum(math.exp(v) for v in values) <= 1 + 1e-9, values)
        expect(bytes(entry.bytes).decode("utf-8", "replace") == entry.token, entry)
        if entry.logprob >= values[-1]:
            expect(any(a.token == entry.token and a.logprob == entry.logprob for a in entry.top_logprobs), entry)
    joined = bytes(b for entry in content for b in entry.bytes).decode("utf-8", "replace")
    expect(joined == r.choices[0].message.content, f"{joined!r} != {r.choices[0].message.content!r}")


@check("chat logprobs streamed equal the whole answer's")
def _():
    whole = client.chat.completions.create(model=model, messages=MESSAGES, max_tokens=6, seed=5, logprobs=True,
                                           top_logprobs=2)
    chunks = list(client.chat.completions.create(model=model, messages=MESSAGES, max_tokens=6, seed=5, logprobs=True,
                                                 top_logprobs=2, stream=True))
    streamed = [entry for c in chunks if c.choices and c.choices[0].logprobs
                for entry in (c.choices[0].logprobs.content or [])]
    expect([e.model_dump() for e in streamed] == [e.model_dump() for e in whole.choices[0].logprobs.content],
           "streamed logprobs differ")


@check("completion logprobs (legacy shape)")
def _():
    r = client.completions.create(model=model, prompt="The capital of France is", max_tokens=5, temperature=0,
                                  logprobs=2, seed=1)
    lp = r.choices[0].logprobs
    n = r.usage.completion_tokens
    expect(len(lp.tokens) == n and len(lp.token_logprobs) == n and len(lp.top_logprobs) == n, lp)
    expect(len(lp.text_offset) == n and lp.text_offset[0] == 0, lp.text_offset)
    for token, value, top in zip(lp.tokens, lp.token_logprobs, lp.top_logprobs):
        expect(1 <= len(top) <= 3 and top[token] == value, top)
        expect(value == max(top.values()), f"greedy token {token!r} is not the most likely: {top}")
    expect("".join(lp.tokens) == r.choices[0].text, f"{lp.tokens} vs {r.choices[0].text!r}")


@check("top_logprobs out of range is 400 naming it")
def _():
    expect_error(openai.BadRequestError, 400, param="top_logprobs", code="integer_above_max_value", model=model,
                 messages=MESSAGES, logprobs=True, top_logprobs=21)


failed = 0
for name, failure in results:
    if failure is None:
        print(f"ok {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {failure}")
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
