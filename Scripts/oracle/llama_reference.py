"""Independent float64 numpy reference of the llama forward pass, reading weights from GGUF.

Written from the architecture's definition, not from any engine's code:

  h_0        = token_embd[token]                                   (embedding row lookup)
  per layer l:
    x        = rmsnorm(h) * attn_norm             rmsnorm(x) = x / sqrt(mean(x^2) + eps)
    q,k,v    = Wq x, Wk x, Wv x                   (n_head*hd, n_head_kv*hd, n_head_kv*hd)
    q,k      = rope(q), rope(k)                   "NORM" rope (llama.cpp LLAMA rope type 0):
               rotate ADJACENT pairs (x[2i], x[2i+1]) of each head by angle pos*base^(-2i/n_rot)
    attn     = softmax(q.k^T / sqrt(hd) + causal) v   (grouped-query: q head h uses kv head h // (n_head/n_head_kv))
    h        = h + Wo attn
    x        = rmsnorm(h) * ffn_norm
    h        = h + W_down( silu(W_gate x) * (W_up x) )
  logits     = W_out rmsnorm(h) * output_norm,    W_out = output.weight, or token_embd when absent (tied)

GGUF/ggml lists dims fastest-first (ne[0] = input features for a matrix), so the numpy array
returned by the gguf package has shape (out_features, in_features) and y = W @ x.
All weights are dequantized with gguf.quants.dequantize and computed in float64.
"""
from __future__ import annotations

from dataclasses import dataclass

import gguf
import numpy as np


@dataclass(frozen=True)
class LlamaConfig:
    n_layer: int
    n_embd: int
    n_ff: int
    n_head: int
    n_head_kv: int
    n_rot: int
    rope_base: float
    rms_eps: float
    n_vocab: int
    n_ctx_train: int

    @property
    def head_dim(self) -> int:
        return self.n_embd // self.n_head


def _meta(reader: gguf.GGUFReader, key: str, default=None):
    f = reader.fields.get(key)
    if f is None:
        if default is None:
            raise KeyError(f"missing GGUF metadata key {key}")
        return default
    return f.contents()


def read_config(reader: gguf.GGUFReader) -> LlamaConfig:
    arch = _meta(reader, "general.architecture")
    if arch != "llama":
        raise ValueError(f"expected general.architecture == 'llama', found {arch!r}")
    n_embd = int(_meta(reader, "llama.embedding_length"))
    n_head = int(_meta(reader, "llama.attention.head_count"))
    tok_embd = next(t for t in reader.tensors if t.name == "token_embd.weight")
    return LlamaConfig(
        n_layer=int(_meta(reader, "llama.block_count")),
        n_embd=n_embd,
        n_ff=int(_meta(reader, "llama.feed_forward_length")),
        n_head=n_head,
        n_head_kv=int(_meta(reader, "llama.attention.head_count_kv", n_head)),
        n_rot=int(_meta(reader, "llama.rope.dimension_count", n_embd // n_head)),
        rope_base=float(_meta(reader, "llama.rope.freq_base", 10000.0)),
        rms_eps=float(_meta(reader, "llama.attention.layer_norm_rms_epsilon")),
        n_vocab=int(tok_embd.shape[1]),  # ggml dims: [n_embd, n_vocab]
        n_ctx_train=int(_meta(reader, "llama.context_length")),
    )


def dequantize_tensor(t) -> np.ndarray:
    """Dequantize one GGUFReader tensor to float64 with numpy shape = reversed ggml dims."""
    arr = gguf.quants.dequantize(t.data, t.tensor_type)
    shape = tuple(int(d) for d in reversed([int(x) for x in t.shape]))
    return np.asarray(arr, dtype=np.float64).reshape(shape)


class LlamaReference:
    """Float64 llama forward pass with an explicit KV cache."""

    def __init__(self, path: str):
        reader = gguf.GGUFReader(path)
        self.config = read_config(reader)
        tensors = {t.name: t for t in reader.tensors}
        self.tensor_types = {t.name: t.tensor_type.name for t in reader.tensors}
        w = {name: dequantize_tensor(t) for name, t in tensors.items()}
        c = self.config
        self.tok_embd = w["token_embd.weight"]  # (n_vocab, n_embd)
        self.tied_output = "output.weight" not in w
        self.output = self.tok_embd if self.tied_output else w["output.weight"]
        self.output_norm = w["output_norm.weight"]
        self.layers = []
        for i in range(c.n_layer):
            p = f"blk.{i}."
            self.layers.append({k: w[p + k + ".weight"] for k in (
                "attn_norm", "attn_q", "attn_k", "attn_v", "attn_output",
                "ffn_norm", "ffn_gate", "ffn_up", "ffn_down")})
        assert self.tok_embd.shape == (c.n_vocab, c.n_embd)
        assert self.layers[0]["attn_q"].shape == (c.n_head * c.head_dim, c.n_embd)
        assert self.layers[0]["attn_k"].shape == (c.n_head_kv * c.head_dim, c.n_embd)
        assert self.layers[0]["ffn_down"].shape == (c.n_embd, c.n_ff)
        hd = c.head_dim
        # theta_i = base^(-2i/n_rot), i = 0 .. n_rot/2-1
        self.inv_freq = c.rope_base ** (-np.arange(0, c.n_rot, 2, dtype=np.float64) / c.n_rot)
        assert c.n_rot <= hd

    # ---- building blocks -------------------------------------------------------------
    def rmsnorm(self, x: np.ndarray, w: np.ndarray) -> np.ndarray:
        return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + self.config.rms_eps) * w

    def rope(self, x: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """x: (T, heads, head_dim). Rotates adjacent pairs (2i, 2i+1) for 2i < n_rot."""
        n_rot = self.config.n_rot
        ang = positions[:, None].astype(np.float64) * self.inv_freq[None, :]  # (T, n_rot/2)
        cos = np.cos(ang)[:, None, :]
        sin = np.sin(ang)[:, None, :]
        out = x.copy()
        x0 = x[..., 0:n_rot:2]
        x1 = x[..., 1:n_rot:2]
        out[..., 0:n_rot:2] = x0 * cos - x1 * sin
        out[..., 1:n_rot:2] = x0 * sin + x1 * cos
        return out

    @staticmethod
    def silu(x: np.ndarray) -> np.ndarray:
        return x / (1.0 + np.exp(-x))

    # ---- forward --------------------------------------------------------------------
    def new_cache(self) -> list[dict[str, np.ndarray]]:
        c = self.config
        return [{"k": np.zeros((0, c.n_head_kv, c.head_dim)), "v": np.zeros((0, c.n_head_kv, c.head_dim))}
                for _ in range(c.n_layer)]

    def forward(self, tokens, cache=None, return_hidden: bool = False, logits_from: int = 0):
        """Run `tokens` (appended after what `cache` holds). Returns logits (T - logits_from, n_vocab)
        for the rows logits_from..T-1 of this call (all rows by default).

        cache: list from `new_cache()` (updated in place) or None for a fresh sequence.
        With return_hidden=True also returns the final-normed hidden states (T, n_embd).
        """
        c = self.config
        if cache is None:
            cache = self.new_cache()
        tokens = np.asarray(tokens, dtype=np.int64)
        T = len(tokens)
        start = cache[0]["k"].shape[0]
        pos = np.arange(start, start + T)
        hd = c.head_dim
        group = c.n_head // c.n_head_kv
        scale = 1.0 / np.sqrt(hd)
        n_kv = start + T
        # causal mask: query at absolute position p sees keys 0..p
        mask = np.where(np.arange(n_kv)[None, :] <= pos[:, None], 0.0, -np.inf)  # (T, n_kv)

        h = self.tok_embd[tokens]  # (T, n_embd)
        for L, lc in zip(self.layers, cache):
            x = self.rmsnorm(h, L["attn_norm"])
            q = (x @ L["attn_q"].T).reshape(T, c.n_head, hd)
            k = (x @ L["attn_k"].T).reshape(T, c.n_head_kv, hd)
            v = (x @ L["attn_v"].T).reshape(T, c.n_head_kv, hd)
            q = self.rope(q, pos)
            k = self.rope(k, pos)
            lc["k"] = np.concatenate([lc["k"], k], axis=0)
            lc["v"] = np.concatenate([lc["v"], v], axis=0)
            K, V = lc["k"], lc["v"]
            out = np.empty((T, c.n_head, hd))
            for hh in range(c.n_head):
                kv = hh // group
                s = (q[:, hh, :] @ K[:, kv, :].T) * scale + mask  # (T, n_kv)
                s = s - s.max(axis=1, keepdims=True)
                p = np.exp(s)
                p /= p.sum(axis=1, keepdims=True)
                out[:, hh, :] = p @ V[:, kv, :]
            h = h + out.reshape(T, c.n_head * hd) @ L["attn_output"].T
            x = self.rmsnorm(h, L["ffn_norm"])
            g = x @ L["ffn_gate"].T
            u = x @ L["ffn_up"].T
            h = h + (self.silu(g) * u) @ L["ffn_down"].T
        hn = self.rmsnorm(h, self.output_norm)
        logits = hn[logits_from:] @ self.output.T
        return (logits, hn) if return_hidden else logits

    def greedy(self, prompt_tokens, n_new: int, eos_id: int | None = None, stop_at_eos: bool = False):
        """Greedy (argmax, lowest id wins ties) continuation. Returns (ids, margins), margins[i] =
        top1 logit - top2 logit at step i (small margins flag steps where float32 engines may differ)."""
        cache = self.new_cache()
        logits = self.forward(prompt_tokens, cache)[-1]
        ids, margins = [], []
        for _ in range(n_new):
            nxt = int(np.argmax(logits))
            top2 = np.partition(logits, -2)[-2:]
            margins.append(float(top2[1] - top2[0]))
            ids.append(nxt)
            if stop_at_eos and eos_id is not None and nxt == eos_id:
                break
            if len(ids) == n_new:
                break
            logits = self.forward([nxt], cache)[-1]
        return ids, margins
