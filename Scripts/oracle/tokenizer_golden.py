#!/usr/bin/env python3
"""Independent oracle for Reckon's Tokenizer target.

Reads the tokenizer metadata of a GGUF file (vocabulary, token types, merges, special ids, chat
template) with the `gguf` package, rebuilds the same byte-level BPE tokenizer with HuggingFace
`tokenizers` (pre-tokenizer: individual digits, then GPT-2 byte-level regex; decoder: byte level;
special tokens: every control token), and writes golden fixtures:

  Tests/TokenizerTests/Fixtures/tokenizer_golden.json
      [{"text", "ids", "ids_no_special_parsing", "ids_gpt2_pretokenizer"}, ...]
      ids                    encode(text) with special tokens recognised in the text
      ids_no_special_parsing encode(text) with special tokens treated as plain text
      ids_gpt2_pretokenizer  encode(text) with the plain GPT-2 pre-tokenizer (no digit split)
  Tests/TokenizerTests/Fixtures/chat_template_golden.json
      {"template", "default_system_prompt", "cases": [{"messages", "add_generation_prompt", "expected", "ids"}]}
      expected is what jinja2 renders from the GGUF's own template (as HF transformers does).

Neither file contains the vocabulary. Optionally exports the vocabulary (model data: never commit
it) as JSON for the Swift tests in a development package:

  venv/bin/python Scripts/oracle/tokenizer_golden.py --gguf /tmp/dl/model.gguf \
      --export-vocabulary /tmp/reckon-tokenizer/smollm2-vocabulary.json

Everything random is seeded (--seed), so re-running gives byte-identical fixtures.
Requirements: Scripts/oracle/tokenizer_golden_requirements.txt (gguf, tokenizers, jinja2, numpy; pinned).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from gguf import GGUFReader
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

TOKEN_TYPE_CONTROL = 3
TOKEN_TYPE_USER_DEFINED = 4


# ----------------------------------------------------------------------------------------------
# GGUF reading
# ----------------------------------------------------------------------------------------------

def read_tokenizer_metadata(path: str) -> dict:
    reader = GGUFReader(path)
    fields = reader.fields

    def scalar(key, default=None):
        field = fields.get(key)
        if field is None:
            return default
        value = field.parts[field.data[0]]
        if field.types[0].name == "STRING":
            return bytes(value).decode("utf-8")
        return value.tolist()[0]

    def string_array(key):
        field = fields.get(key)
        if field is None:
            return []
        return [bytes(field.parts[i]).decode("utf-8") for i in field.data]

    def int_array(key):
        field = fields.get(key)
        if field is None:
            return []
        return [int(field.parts[i][0]) for i in field.data]

    return {
        "model": scalar("tokenizer.ggml.model"),
        "pre": scalar("tokenizer.ggml.pre", "default"),
        "tokens": string_array("tokenizer.ggml.tokens"),
        "token_types": int_array("tokenizer.ggml.token_type"),
        "merges": string_array("tokenizer.ggml.merges"),
        "bos_id": scalar("tokenizer.ggml.bos_token_id"),
        "eos_id": scalar("tokenizer.ggml.eos_token_id"),
        "unknown_id": scalar("tokenizer.ggml.unknown_token_id"),
        "padding_id": scalar("tokenizer.ggml.padding_token_id"),
        "add_bos": bool(scalar("tokenizer.ggml.add_bos_token", False)),
        "add_eos": bool(scalar("tokenizer.ggml.add_eos_token", False)),
        "chat_template": scalar("tokenizer.chat_template"),
    }


# ----------------------------------------------------------------------------------------------
# HuggingFace tokenizer built from the GGUF data
# ----------------------------------------------------------------------------------------------

def build_hf_tokenizer(meta: dict, split_digits: bool) -> Tokenizer:
    vocab = {token: index for index, token in enumerate(meta["tokens"])}
    merges = [tuple(line.split(" ", 1)) for line in meta["merges"]]
    bpe = models.BPE(vocab=vocab, merges=merges, fuse_unk=False, byte_fallback=False)
    tokenizer = Tokenizer(bpe)
    byte_level = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    if split_digits:
        tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
            [pre_tokenizers.Digits(individual_digits=True), byte_level])
    else:
        tokenizer.pre_tokenizer = byte_level
    tokenizer.decoder = decoders.ByteLevel()
    specials, user_defined = [], []
    for token, kind in zip(meta["tokens"], meta["token_types"]):
        if kind == TOKEN_TYPE_CONTROL:
            specials.append(AddedToken(token, special=True, normalized=False))
        elif kind == TOKEN_TYPE_USER_DEFINED:
            user_defined.append(AddedToken(token, special=False, normalized=False))
    tokenizer.add_special_tokens(specials)
    if user_defined:
        tokenizer.add_tokens(user_defined)
    return tokenizer


def encode(tokenizer: Tokenizer, text: str, parse_special: bool) -> list[int]:
    tokenizer.encode_special_tokens = not parse_special
    try:
        return tokenizer.encode(text, add_special_tokens=False).ids
    finally:
        tokenizer.encode_special_tokens = False


# ----------------------------------------------------------------------------------------------
# Texts
# ----------------------------------------------------------------------------------------------

HANDWRITTEN_TEXTS = [
    "",
    " ",
    "Hello world",
    "Hello, world! How are you today?",
    " leading space",
    "trailing space ",
    "double  space and   triple",
    "12345",
    "3.14159265358979323846",
    "The year 2024 had 366 days; 1,000,000 is a million.",
    "x=12+34*5678-90/1",
    "    indented by four",
    "\tTab\tseparated\tvalues\t",
    "line one\nline two\n\nline four\r\nwindows line\n",
    "   \n\n\t  \n",
    "trailing newlines\n\n\n",
    "café naïve résumé façade Ångström",
    "e\u0301 combining acute, n\u0303 combining tilde",
    "日本語のテキストです。中文字符测试。",
    "한국어 문장입니다.",
    "Привет, мир! Ещё раз.",
    "مرحبا بالعالم",
    "שלום עולם",
    "नमस्ते दुनिया",
    "Emoji: 😀🎉👍🏽",
    "Family ZWJ: 👨‍👩‍👧‍👦 and 🏳️‍🌈 flag",
    "Flags 🇫🇷🇯🇵 and keycap 1️⃣",
    "def f(x):\n    return x ** 2  # square\n",
    "for (int i = 0; i < n; ++i) { sum += a[i]; }",
    "<html><body class=\"main\">Hi &amp; bye</body></html>",
    "{\"key\": [1, 2, 3], \"nested\": {\"a\": null}}",
    "I'm sure you're right, they've said it'll work and we'd go.",
    "It's John's book; don't do that. DON'T SHOUT.",
    "rock 'n' roll and ''quoted'' and 's alone",
    "<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n",
    "text<|endoftext|>more text",
    "<|im_end|><|im_end|>",
    "a<|im_start|b <|im_start|>x <repo_name><reponame>",
    "<jupyter_code>print(1)<jupyter_output>1<empty_output>",
    "math: ½ + ¼ = ¾, x² + y³, Ⅻ, ١٢٣ and ٤٥",
    "full-width ＡＢＣ１２３ and ideographic\u3000space",
    "no-break\u00a0space and thin\u2009space and zero\u200bwidth",
    "!!!??? ... --- ***",
    "email@example.com https://example.org/path?q=1&r=2#frag",
    "$100.00 €50 £3 ¥1000 ₹20",
    "CamelCaseIdentifier snake_case_identifier kebab-case-identifier",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "0000000000000000000000000000000000000000000000000000000000000",
    " 1 22 333 4444",
    "Ｔｈｅ quick brown 🦊 jumps over the lazy 🐕.",
    "Mixed: abc123def456 ghi 789",
    "\u2028line separator\u2029paragraph separator\u0085next line",
    "\x00\x01\x7f control chars",
    "a\x04b\x1dc \x1d",  # bytes 04 and 1D have no token in SmolLM2: dropped
    "\ufeffBOM at start",
    "A\u0300\u0301\u0302\u0303 stacked marks",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters 𝟙𝟚𝟛",
]


def random_texts(rng: random.Random, count: int) -> list[str]:
    """Strings built from a pool of pieces that stress the pre-tokenizer's edge cases."""
    pool = (
        list("abcdefXYZ") + list("0123456789") + list(" \t\n\r") + ["  ", "   ", "\n\n", " \n"]
        + list("'\".,;:!?-_()[]{}<>/\\@#$%^&*+=|~`")
        + ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'LL"]
        + list("éüñçßøåÆŒ") + list("αβγΩ") + list("жЯё") + list("中文日本語한국")
        + ["\u0301", "\u0308", "\u00a0", "\u3000", "\u2009", "\u200b", "\u200d", "\ufe0f"]
        + list("½²³٣٤१२") + ["😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "🦊", "€", "©", "™"]
        + ["<|im_start|>", "<|im_end|>", "<|endoftext|>", "<|im_", "<file_sep>"]
        + ["the", " the", "ing", " and", "tion", "Hello", " world"]
    )
    texts = []
    for _ in range(count):
        length = rng.randint(1, 24)
        texts.append("".join(rng.choice(pool) for _ in range(length)))
    return texts


def long_text(rng: random.Random, target_chars: int) -> str:
    """About `target_chars` characters of mixed prose, code, numbers and unicode."""
    paragraphs = [
        "Compute-aware reasoning spends more tokens on harder problems, and fewer on easy ones.",
        "In 2024, the model answered 1,234 of 5,678 questions (21.7%) within a budget of 512 tokens.",
        "def solve(n: int) -> int:\n    total = 0\n    for k in range(1, n + 1):\n        total += k * k\n    return total\n",
        "Les élèves ont étudié l'économie à Montréal; ils n'avaient pas d'idée préconçue.",
        "数学の問題を解くには、まず条件を整理することが大切です。",
        "Ответ: 42. Проверка: 6 × 7 = 42 ✅",
        "She said, \"I'll be there at 10:30 — don't wait for me!\"\n",
        "| col A | col B |\n|------:|:------|\n|   1   |  two  |\n",
        "😀 emoji, 👩‍💻 coder, 🇩🇪 flag, and ✌🏿 peace.",
        "    if x >= 0 and y <= 10:\n\t\tprint(f\"{x=}, {y=}\")\n",
    ]
    parts = []
    size = 0
    while size < target_chars:
        piece = rng.choice(paragraphs)
        separator = rng.choice([" ", "\n", "\n\n", "  ", "\t"])
        parts.append(piece + separator)
        size += len(piece) + len(separator)
    return "".join(parts)


# ----------------------------------------------------------------------------------------------
# Chat template
# ----------------------------------------------------------------------------------------------

CONVERSATIONS = [
    ([{"role": "user", "content": "What is 2 + 2?"}], True),
    ([{"role": "system", "content": "You are terse."},
      {"role": "user", "content": "Name a prime."},
      {"role": "assistant", "content": "7"},
      {"role": "user", "content": "Another one, please.\nThanks!"}], True),
    ([{"role": "user", "content": "Héllo 👋 — 日本語?"},
      {"role": "assistant", "content": "Yes: 日本語."}], False),
    ([], True),
    ([{"role": "assistant", "content": "I start the conversation."},
      {"role": "user", "content": "  spaced  "}], True),
]


def render_chat(template: str, messages: list[dict], add_generation_prompt: bool) -> str:
    # The same environment settings HF transformers uses for apply_chat_template.
    environment = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                                undefined=jinja2.StrictUndefined)
    return environment.from_string(template).render(messages=messages,
                                                    add_generation_prompt=add_generation_prompt)


def default_system_prompt(template: str) -> str | None:
    """The literal system text the template inserts when the first message is not a system one."""
    marker = "<|im_start|>system\n"
    start = template.find(marker)
    if start < 0:
        return None
    end = template.find("<|im_end|>", start)
    return template[start + len(marker):end]


# ----------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gguf", default="/tmp/dl/model.gguf")
    parser.add_argument("--fixtures", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                           "Tests", "TokenizerTests", "Fixtures"))
    parser.add_argument("--export-vocabulary", metavar="JSON", help="also write the vocabulary (model data) here")
    parser.add_argument("--seed", type=int, default=20241129)
    parser.add_argument("--random-count", type=int, default=300)
    args = parser.parse_args()

    meta = read_tokenizer_metadata(args.gguf)
    if meta["model"] != "gpt2" or meta["pre"] != "smollm":
        print(f"expected tokenizer.ggml.model=gpt2, pre=smollm; found {meta['model']}, {meta['pre']}", file=sys.stderr)
        return 1

    if args.export_vocabulary:
        os.makedirs(os.path.dirname(os.path.abspath(args.export_vocabulary)), exist_ok=True)
        with open(args.export_vocabulary, "w", encoding="utf-8") as file:
            json.dump(meta, file, ensure_ascii=False)
        print(f"wrote vocabulary ({len(meta['tokens'])} tokens, {len(meta['merges'])} merges) to {args.export_vocabulary}")

    smollm = build_hf_tokenizer(meta, split_digits=True)
    gpt2 = build_hf_tokenizer(meta, split_digits=False)

    rng = random.Random(args.seed)
    long_words = ["a" * 4000, "lo" * 1500 + " " + "9" * 500]  # BPE on very long words
    texts = HANDWRITTEN_TEXTS + random_texts(rng, args.random_count) + long_words + [long_text(rng, 10_000)]

    golden = []
    for text in texts:
        ids = encode(smollm, text, parse_special=True)
        # Sanity of the oracle itself: byte-level BPE is lossless on text whose bytes all have tokens.
        if "\x04" not in text and "\x1d" not in text:
            assert smollm.decode(ids, skip_special_tokens=False) == text, repr(text)
        golden.append({
            "text": text,
            "ids": ids,
            "ids_no_special_parsing": encode(smollm, text, parse_special=False),
            "ids_gpt2_pretokenizer": encode(gpt2, text, parse_special=True),
        })

    template = meta["chat_template"]
    cases = []
    for messages, add_generation_prompt in CONVERSATIONS:
        expected = render_chat(template, messages, add_generation_prompt)
        cases.append({
            "messages": messages,
            "add_generation_prompt": add_generation_prompt,
            "expected": expected,
            "ids": encode(smollm, expected, parse_special=True),
        })
    chat = {"template": template, "default_system_prompt": default_system_prompt(template), "cases": cases}

    os.makedirs(args.fixtures, exist_ok=True)
    golden_path = os.path.join(args.fixtures, "tokenizer_golden.json")
    with open(golden_path, "w", encoding="utf-8") as file:
        # One entry per line: readable diffs when the oracle or the texts change.
        file.write("[\n" + ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in golden) + "\n]\n")
    chat_path = os.path.join(args.fixtures, "chat_template_golden.json")
    with open(chat_path, "w", encoding="utf-8") as file:
        json.dump(chat, file, ensure_ascii=False, indent=1)
        file.write("\n")
    print(f"wrote {len(golden)} golden texts to {golden_path} and {len(cases)} chat cases to {chat_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
