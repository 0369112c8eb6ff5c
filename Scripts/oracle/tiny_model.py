"""Generate tiny random llama GGUF files and their golden logits (for unit tests without the real model).

    python3 Scripts/oracle/tiny_model.py --out Tests/ModelTests/Fixtures [--seed 20240601]

Writes (deterministic for a given seed):
  tiny_llama.gguf(.fixture)       untied head: explicit output.weight (Q8_0), token_embd F16
  tiny_llama_tied.gguf(.fixture)  tied head: no output.weight, token_embd Q8_0 (like SmolLM2's GGUF)
  tiny_golden.json      logits for every position of two token sequences, for both files,
                        computed by llama_reference.LlamaReference from the files as written
                        (i.e. from the dequantized stored weights) in float64.

Shape: 2 layers, n_embd 64, 4 heads (head_dim 16), 2 kv heads, n_ff 96, vocab 300, rope base 10000,
rms eps 1e-5, context 128. Both files share the same transformer blocks, which mix tensor types on
purpose so one fixture exercises every kernel the default model needs plus F32/F16:
  blk.0: attn_q/k/v/output F32, ffn_gate/up/down Q4_1
  blk.1: attn_q/k/v/output F16, ffn_gate/up/down Q8_0
  norms F32.
A minimal byte-level BPE vocabulary (3 control tokens, 256 byte tokens, 41 merges) is included so
tokenizer code can be exercised on the same file.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys

import gguf
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hf_tokenizer import build_tokenizer, encode, read_gguf_vocab  # noqa: E402
from json_io import write_json  # noqa: E402
from llama_reference import LlamaReference  # noqa: E402

Q = gguf.GGMLQuantizationType

N_LAYER, N_EMBD, N_HEAD, N_HEAD_KV, N_FF, N_VOCAB = 2, 64, 4, 2, 96, 300
HEAD_DIM = N_EMBD // N_HEAD
ROPE_BASE, RMS_EPS, N_CTX = 10000.0, 1e-5, 128

SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
# (left, right) merges in rank order; every part exists before it is used.
MERGES = [
    ("Ġ", "t"), ("h", "e"), ("Ġ", "a"), ("i", "n"), ("r", "e"), ("o", "n"), ("Ġt", "he"), ("e", "r"),
    ("a", "t"), ("e", "n"), ("n", "d"), ("Ġ", "s"), ("Ġ", "o"), ("Ġ", "w"), ("i", "s"), ("o", "r"),
    ("i", "t"), ("a", "n"), ("e", "s"), ("a", "r"), ("e", "d"), ("Ġ", "c"), ("Ġ", "b"), ("Ġ", "f"),
    ("Ġ", "m"), ("Ġ", "p"), ("Ġ", "in"), ("in", "g"), ("Ġ", "h"), ("Ġ", "d"), ("o", "u"), ("Ġt", "o"),
    ("a", "l"), ("l", "e"), ("Ġo", "f"), ("Ġa", "nd"), ("s", "t"), ("i", "on"), ("Ġ", "re"), ("l", "l"),
    ("r", "o"),
]
SEQUENCES = {
    "short": [1, 60, 7, 299, 42, 2],
    "long": [0, 120, 121, 122, 5, 5, 5, 260, 265, 100, 17],
}
TOKENIZER_EXAMPLES = ["the cat is in the hat", "and then\nthe end!", "<|im_start|>user\nhi<|im_end|>"]


def bytes_to_unicode() -> list[str]:
    """GPT-2's byte -> printable character table, indexed by byte value."""
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    table, extra = {}, 0
    for b in range(256):
        if b in keep:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return [table[b] for b in range(256)]


def vocabulary() -> tuple[list[str], list[int], list[str]]:
    tokens = list(SPECIALS) + bytes_to_unicode()
    have = set(tokens)
    merges = []
    for left, right in MERGES:
        assert left in have and right in have, (left, right)
        merged = left + right
        assert merged not in have, merged
        tokens.append(merged)
        have.add(merged)
        merges.append(f"{left} {right}")
    assert len(tokens) == N_VOCAB, len(tokens)
    types = [3] * len(SPECIALS) + [1] * (N_VOCAB - len(SPECIALS))
    return tokens, types, merges


def random_weights(seed: int) -> dict[str, np.ndarray]:
    """Float32 weights in numpy shape (out, in) — ggml dims are the reverse."""
    rng = np.random.default_rng(seed)

    def lin(n_out, n_in, gain=1.0):
        return (rng.standard_normal((n_out, n_in)) * gain / np.sqrt(n_in)).astype(np.float32)

    def norm(n):
        return (1.0 + 0.1 * rng.standard_normal(n)).astype(np.float32)

    w = {"token_embd.weight": rng.standard_normal((N_VOCAB, N_EMBD)).astype(np.float32)}
    for i in range(N_LAYER):
        p = f"blk.{i}."
        w[p + "attn_norm.weight"] = norm(N_EMBD)
        w[p + "attn_q.weight"] = lin(N_HEAD * HEAD_DIM, N_EMBD, 2.0)
        w[p + "attn_k.weight"] = lin(N_HEAD_KV * HEAD_DIM, N_EMBD, 2.0)
        w[p + "attn_v.weight"] = lin(N_HEAD_KV * HEAD_DIM, N_EMBD)
        w[p + "attn_output.weight"] = lin(N_EMBD, N_HEAD * HEAD_DIM)
        w[p + "ffn_norm.weight"] = norm(N_EMBD)
        w[p + "ffn_gate.weight"] = lin(N_FF, N_EMBD)
        w[p + "ffn_up.weight"] = lin(N_FF, N_EMBD)
        w[p + "ffn_down.weight"] = lin(N_EMBD, N_FF)
    w["output_norm.weight"] = norm(N_EMBD)
    w["output.weight"] = lin(N_VOCAB, N_EMBD, 4.0)
    return w


def storage_type(name: str, tied: bool) -> Q:
    if name.endswith("norm.weight"):
        return Q.F32
    if name == "token_embd.weight":
        return Q.Q8_0 if tied else Q.F16
    if name == "output.weight":
        return Q.Q8_0
    layer = int(name.split(".")[1])
    is_ffn = ".ffn_" in name
    if layer == 0:
        return Q.Q4_1 if is_ffn else Q.F32
    return Q.Q8_0 if is_ffn else Q.F16


def write_gguf(path: str, weights: dict[str, np.ndarray], tied: bool) -> dict[str, str]:
    tokens, types, merges = vocabulary()
    wr = gguf.GGUFWriter(path, "llama")  # writes general.architecture = llama
    wr.add_name("reckon-tiny-llama" + ("-tied" if tied else ""))
    wr.add_context_length(N_CTX)
    wr.add_embedding_length(N_EMBD)
    wr.add_block_count(N_LAYER)
    wr.add_feed_forward_length(N_FF)
    wr.add_head_count(N_HEAD)
    wr.add_head_count_kv(N_HEAD_KV)
    wr.add_rope_freq_base(ROPE_BASE)
    wr.add_layer_norm_rms_eps(RMS_EPS)
    wr.add_rope_dimension_count(HEAD_DIM)
    wr.add_vocab_size(N_VOCAB)
    wr.add_tokenizer_model("gpt2")
    wr.add_tokenizer_pre("smollm")
    wr.add_token_list(tokens)
    wr.add_token_types(types)
    wr.add_token_merges(merges)
    wr.add_bos_token_id(1)
    wr.add_eos_token_id(2)
    wr.add_add_bos_token(False)
    layout = {}
    for name, arr in weights.items():
        if tied and name == "output.weight":
            continue
        qt = storage_type(name, tied)
        layout[name] = qt.name
        if qt == Q.F32:
            wr.add_tensor(name, arr.astype(np.float32))
        elif qt == Q.F16:
            wr.add_tensor(name, arr.astype(np.float16))
        else:
            wr.add_tensor(name, gguf.quants.quantize(arr.astype(np.float32), qt), raw_dtype=qt)
    wr.write_header_to_file()
    wr.write_kv_data_to_file()
    wr.write_tensors_to_file()
    wr.close()
    return layout


def f32_list(a: np.ndarray) -> list[float]:
    """float64 values rounded to float32, as the shortest decimal that reads back to that float32."""
    return [float(str(x)) for x in np.asarray(a, dtype=np.float64).ravel().astype(np.float32)]


def golden_for(path: str) -> dict:
    ref = LlamaReference(path)
    entry = {
        "file": os.path.basename(path),
        "sha256": hashlib.sha256(open(path, "rb").read()).hexdigest(),
        "bytes": os.path.getsize(path),
        "tied_output": ref.tied_output,
        "tensor_types": ref.tensor_types,
        "sequences": [],
    }
    for name, toks in SEQUENCES.items():
        logits, hidden = ref.forward(toks, return_hidden=True)
        # The same logits must come out one token at a time through the KV cache.
        cache = ref.new_cache()
        step = np.stack([ref.forward([t], cache)[-1] for t in toks])
        assert np.max(np.abs(step - logits)) < 1e-9, "incremental != prefill"
        entry["sequences"].append({
            "name": name,
            "tokens": toks,
            "logits_shape": [len(toks), N_VOCAB],
            "logits": f32_list(logits),  # row-major [position][vocab]
            "argmax": [int(i) for i in np.argmax(logits, axis=1)],
            "max_abs_logit": float(np.max(np.abs(logits))),
            "final_hidden_last": f32_list(hidden[-1]),  # after output_norm, last position
        })
    return entry


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="fixture folder (e.g. Tests/ModelTests/Fixtures)")
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    weights = random_weights(args.seed)
    untied_path = os.path.join(args.out, "tiny_llama.gguf")
    tied_path = os.path.join(args.out, "tiny_llama_tied.gguf")
    write_gguf(untied_path, weights, tied=False)
    write_gguf(tied_path, weights, tied=True)

    tok = build_tokenizer(read_gguf_vocab(untied_path))
    golden = {
        "generator": "Scripts/oracle/tiny_model.py (numpy float64 reference, weights dequantized from the written GGUF)",
        "seed": args.seed,
        "dtype": "float64 compute; logits stored rounded to float32",
        "config": {"n_layer": N_LAYER, "n_embd": N_EMBD, "n_head": N_HEAD, "n_head_kv": N_HEAD_KV,
                   "head_dim": HEAD_DIM, "n_ff": N_FF, "n_vocab": N_VOCAB, "rope_freq_base": ROPE_BASE,
                   "rms_eps": RMS_EPS, "context_length": N_CTX, "rope_type": "norm (adjacent pairs)"},
        "tolerance_hint": "float32 engines should match to ~1e-4 absolute on these logits",
        "models": [golden_for(untied_path), golden_for(tied_path)],
        "tokenizer_examples": [{"text": s, "ids": encode(tok, s)} for s in TOKENIZER_EXAMPLES],
    }
    write_json(os.path.join(args.out, "tiny_golden.json"), golden)
    # Stored as *.gguf.fixture: generated test data, while the repository keeps every *.gguf (model weights) out.
    for p in (untied_path, tied_path):
        os.replace(p, p + ".fixture")
    for p in (untied_path + ".fixture", tied_path + ".fixture", os.path.join(args.out, "tiny_golden.json")):
        print(f"{p}: {os.path.getsize(p)} bytes")


if __name__ == "__main__":
    main()
