"""Golden files for Reckon's Model/Engine tests, from the independent numpy reference.

    python3 Scripts/oracle/make_model_goldens.py --model /tmp/dl/model.gguf --out Tests/ModelTests/Fixtures

Writes into --out (deterministic; re-running overwrites with identical bytes):
  logits_golden.json      per prompt: prompt, prompt_tokens, logits_file, top5, max_abs_logit, ...
  logits_<i>.f32          last-position logits of prompt i: n_vocab little-endian float32
  greedy_golden.json      per prompt: 32 greedy (argmax) token ids, decoded text, per-step margins
  perplexity.txt          the scored text (a copy of Scripts/oracle/perplexity.txt)
  perplexity_golden.json  llama.cpp-style perplexity for n_ctx 512 and 128 (see "convention" inside)

Compute is float64 on weights dequantized by gguf.quants.dequantize (llama_reference.py);
tokenization is the HF `tokenizers` oracle built from the GGUF vocabulary (hf_tokenizer.py).
Use --skip-perplexity for a faster run of the first two files.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from hf_tokenizer import decode, encode, load_gguf_tokenizer, read_gguf_vocab  # noqa: E402
from json_io import write_json  # noqa: E402
from llama_reference import LlamaReference  # noqa: E402

PROMPTS = [
    "The capital of France is",
    "Once upon a time, there was a little",
    "The quick brown fox jumps over the lazy dog. The quick brown fox",
    "def fibonacci(n):\n",
    "1, 2, 3, 4, 5,",
    "Water boils at a temperature of",
    "<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n",
]
GREEDY_TOKENS = 32
PPL_CONTEXTS = [512, 128]
PPL_SOURCE = os.path.join(HERE, "perplexity.txt")


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def logsumexp(x: np.ndarray, axis: int = -1) -> np.ndarray:
    m = np.max(x, axis=axis, keepdims=True)
    return (m + np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))).squeeze(axis)


def top_k(logits: np.ndarray, k: int) -> list[int]:
    """Ids of the k largest logits, largest first; equal logits ordered by lower id."""
    order = np.lexsort((np.arange(len(logits)), -logits))
    return [int(i) for i in order[:k]]


def prompt_goldens(ref: LlamaReference, tok, eos_id: int, out: str, model_info: dict) -> None:
    logit_entries, greedy_entries = [], []
    for i, prompt in enumerate(PROMPTS):
        t0 = time.time()
        ids = encode(tok, prompt)
        cache = ref.new_cache()
        logits = ref.forward(ids, cache)[-1]
        fname = f"logits_{i}.f32"
        logits.astype("<f4").tofile(os.path.join(out, fname))
        top5 = top_k(logits, 5)
        lse = float(logsumexp(logits))
        logit_entries.append({
            "prompt": prompt,
            "prompt_tokens": ids,
            "logits_file": fname,
            "n_vocab": int(logits.shape[0]),
            "top5": top5,
            "top5_logits": [float(logits[j]) for j in top5],
            "top5_logprobs": [float(logits[j] - lse) for j in top5],
            "top5_pieces": [tok.id_to_token(j) for j in top5],
            "max_abs_logit": float(np.max(np.abs(logits))),
            "logsumexp": lse,
        })
        # Greedy continuation through the KV cache, starting from the prompt's last logits.
        gen, margins, step_logits = [], [], logits
        for _ in range(GREEDY_TOKENS):
            nxt = top_k(step_logits, 2)
            gen.append(nxt[0])
            margins.append(float(step_logits[nxt[0]] - step_logits[nxt[1]]))
            if len(gen) < GREEDY_TOKENS:
                step_logits = ref.forward([nxt[0]], cache)[-1]
        if i == 0:  # the cache path must agree with one full prefill of prompt + generated tokens
            full = ref.forward(ids + gen[:-1], logits_from=len(ids) - 1)
            assert all(top_k(full[s], 1)[0] == gen[s] for s in range(GREEDY_TOKENS)), "cache != prefill"
        eos_at = gen.index(eos_id) if eos_id in gen else None
        greedy_entries.append({
            "prompt": prompt,
            "prompt_tokens": ids,
            "n_new": GREEDY_TOKENS,
            "tokens": gen,
            "text": decode(tok, gen),
            "eos_produced": eos_at is not None,
            "first_eos_index": eos_at,
            "margins": [round(m, 6) for m in margins],
            "min_margin": round(min(margins), 6),
        })
        print(f"prompt {i}: {len(ids)} tokens, top5 {top5} {[tok.id_to_token(j) for j in top5]}, "
              f"greedy {decode(tok, gen)!r} ({time.time() - t0:.1f}s)", flush=True)

    common = {
        "generator": "Scripts/oracle/make_model_goldens.py (numpy float64 reference; HF tokenizers oracle)",
        **model_info,
    }
    write_json(os.path.join(out, "logits_golden.json"), {
        **common,
        "logits_format": "little-endian float32, n_vocab values, logits of the LAST prompt position",
        "tolerance_hint": "float32 engines on the same dequantized weights: expect max |diff| ~1e-3..1e-2 "
                          "(more if activations are quantized to Q8 for dot products); top-1 must match",
        "prompts": logit_entries,
    })
    write_json(os.path.join(out, "greedy_golden.json"), {
        **common,
        "method": "argmax of float64 logits (ties -> lower id), fed back through the KV cache; no BOS added; "
                  f"exactly {GREEDY_TOKENS} tokens, NOT stopped at EOS (eos_produced/first_eos_index record it). "
                  "margins[i] = top1 - top2 logit at step i: a float32 engine may legitimately diverge "
                  "after a step whose margin is below its error (~0.05).",
        "eos_id": eos_id,
        "results": greedy_entries,
    })


def perplexity_golden(ref: LlamaReference, tok, out: str, model_info: dict) -> None:
    text = open(PPL_SOURCE, encoding="utf-8").read()
    shutil.copyfile(PPL_SOURCE, os.path.join(out, "perplexity.txt"))
    tokens = encode(tok, text)  # add_bos_token = false: no BOS anywhere
    assert decode(tok, tokens) == text
    runs = []
    for n_ctx in PPL_CONTEXTS:
        t0 = time.time()
        n_chunk = len(tokens) // n_ctx
        assert n_chunk >= 2, "llama.cpp requires at least 2*n_ctx tokens"
        first = n_ctx // 2
        nll_total, nll2_total, count = 0.0, 0.0, 0
        chunks, scored = [], []
        for c in range(n_chunk):
            chunk = tokens[c * n_ctx:(c + 1) * n_ctx]
            # logits rows first .. n_ctx-2 predict tokens first+1 .. n_ctx-1
            lg = ref.forward(chunk, logits_from=first)[:-1]
            targets = np.asarray(chunk[first + 1:])
            nll = logsumexp(lg) - lg[np.arange(len(targets)), targets]
            nll_total += float(nll.sum())
            nll2_total += float((nll * nll).sum())
            count += len(nll)
            scored.append([round(float(v), 6) for v in nll])
            chunks.append({
                "chunk": c,
                "token_range": [c * n_ctx, (c + 1) * n_ctx],
                "n_scored": int(len(nll)),
                "nll_sum": float(nll.sum()),
                "chunk_ppl": float(np.exp(nll.mean())),
                "running_ppl": float(np.exp(nll_total / count)),
            })
        mean = nll_total / count
        var = nll2_total / count - mean * mean
        stderr = float(np.sqrt(var / (count - 1)) * np.exp(mean)) if var > 0 else None
        runs.append({
            "n_ctx": n_ctx,
            "n_chunk": n_chunk,
            "first": first,
            "n_scored_per_chunk": n_ctx - 1 - first,
            "n_scored_total": count,
            "mean_nll": mean,
            "ppl": float(np.exp(mean)),
            "ppl_stderr": stderr,
            "chunks": chunks,
            "scored_nll": scored,
        })
        print(f"perplexity n_ctx={n_ctx}: {n_chunk} chunks, PPL {np.exp(mean):.4f} ({time.time() - t0:.1f}s)", flush=True)

    write_json(os.path.join(out, "perplexity_golden.json"), {
        "generator": "Scripts/oracle/make_model_goldens.py (numpy float64 reference; HF tokenizers oracle)",
        **model_info,
        "text_file": "perplexity.txt",
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "n_tokens": len(tokens),
        "convention": (
            "llama.cpp tools/perplexity (perplexity(), ppl_stride = 0): tokenize the whole text once "
            "(no BOS: tokenizer.ggml.add_bos_token = false, so no token is replaced by BOS); "
            "n_chunk = floor(n_tokens / n_ctx) non-overlapping chunks, remainder dropped; each chunk is "
            "evaluated from an empty KV cache at positions 0..n_ctx-1; first = n_ctx/2; for j in "
            "[first, n_ctx-2] the NLL of chunk[j+1] given logits at position j, i.e. -log_softmax(logits[j])[chunk[j+1]], "
            "is scored (n_ctx-1-first tokens per chunk: 255 for 512, 63 for 128); running PPL after chunk c = "
            "exp(sum of all scored NLL so far / count so far); final PPL = exp(mean NLL over all scored tokens). "
            "ppl_stderr = sqrt((mean(nll^2) - mean(nll)^2)/(count-1)) * PPL, as llama.cpp prints after '+/-'."
        ),
        "tokens": tokens,
        "runs": runs,
    })


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="SmolLM2-135M-Instruct GGUF (never copied into the repo)")
    ap.add_argument("--out", required=True, help="fixture folder, e.g. Tests/ModelTests/Fixtures")
    ap.add_argument("--skip-perplexity", action="store_true")
    ap.add_argument("--only-perplexity", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()
    ref = LlamaReference(args.model)
    tok = load_gguf_tokenizer(args.model)
    vocab_info = read_gguf_vocab(args.model)
    c = ref.config
    model_info = {
        "model_file": os.path.basename(args.model),
        "model_sha256": sha256_file(args.model),
        "dtype": "float64 compute on dequantized weights",
        "config": {"n_layer": c.n_layer, "n_embd": c.n_embd, "n_ff": c.n_ff, "n_head": c.n_head,
                   "n_head_kv": c.n_head_kv, "n_rot": c.n_rot, "rope_freq_base": c.rope_base,
                   "rms_eps": c.rms_eps, "n_vocab": c.n_vocab, "tied_output": ref.tied_output,
                   "rope_type": "norm (adjacent pairs)", "add_bos": vocab_info["add_bos"]},
    }
    print(f"loaded model + tokenizer in {time.time() - t0:.1f}s", flush=True)
    if not args.only_perplexity:
        t1 = time.time()
        prompt_goldens(ref, tok, vocab_info["eos_id"], args.out, model_info)
        print(f"logits + greedy goldens: {time.time() - t1:.1f}s", flush=True)
    if not args.skip_perplexity:
        t1 = time.time()
        perplexity_golden(ref, tok, args.out, model_info)
        print(f"perplexity goldens: {time.time() - t1:.1f}s", flush=True)
    print(f"total {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
