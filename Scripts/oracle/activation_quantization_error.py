#!/usr/bin/env python3
"""How far quantising activations moves the model's logits (the experiment behind ActivationPrecision).

Runs the float64 reference forward pass (llama_reference.py) over a few prompts, then again with the input of every
weight product quantised to `bits`-bit blocks of 32 (per-block scale amax / (2^(bits-1) - 1), round to nearest, the
scale rounded to fp32), and prints max |Δlogit| / max |logit| at the last position. SmolLM2-135M-Instruct Q4_1 gave
1.3e-2 … 3.3e-2 for 8 bits (llama.cpp's Q8_1 activations) and 8e-5 … 1.1e-4 for 16 bits (Reckon's int16 blocks).

    python3 Scripts/oracle/activation_quantization_error.py MODEL.gguf [--bits 8 16]
"""
import argparse

import numpy as np

from llama_reference import LlamaReference


def quantize_blocks(x: np.ndarray, bits: int) -> np.ndarray:
    qmax = 2 ** (bits - 1) - 1
    blocks = x.reshape(-1, 32)
    scale = (np.abs(blocks).max(axis=1, keepdims=True) / qmax).astype(np.float32).astype(np.float64)
    q = np.where(scale > 0, np.round(blocks / np.where(scale > 0, scale, 1)), 0)
    return (q * scale).reshape(x.shape)


class QuantizedInput:
    """Stands in for a weight matrix W so that `x @ W.T` quantises x first."""
    __array_ufunc__ = None  # make numpy defer `x @ self` to __rmatmul__

    def __init__(self, weight: np.ndarray, bits: int):
        self.weight, self.bits = weight, bits

    @property
    def T(self):
        return self

    def __rmatmul__(self, x):
        return quantize_blocks(x, self.bits) @ self.weight.T


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--bits", type=int, nargs="+", default=[8, 16])
    args = parser.parse_args()
    model = LlamaReference(args.model)
    prompts = [[1, 504, 3458, 282, 4649, 314], list(range(100, 160)), [1, 9690, 28, 198, 2683, 314, 253, 1359, 28]]
    reference = [model.forward(p)[-1] for p in prompts]
    products = ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"]
    original = [dict(layer) for layer in model.layers]
    output = model.output
    for bits in args.bits:
        for layer, weights in zip(model.layers, original):
            for name in products:
                layer[name] = QuantizedInput(weights[name], bits)
        model.output = QuantizedInput(output, bits)
        errors = [np.abs(model.forward(p)[-1] - r).max() / np.abs(r).max() for p, r in zip(prompts, reference)]
        print(f"{bits:2d}-bit activation blocks: max |Δlogit| / max |logit| = " + ", ".join(f"{e:.2e}" for e in errors))
    for layer, weights in zip(model.layers, original):
        layer.update(weights)
    model.output = output


if __name__ == "__main__":
    main()
