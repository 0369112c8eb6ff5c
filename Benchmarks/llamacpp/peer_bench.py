#!/usr/bin/env python3
"""llama.cpp side of Benchmarks/compare-llamacpp: prompt processing and generation tokens/s for one GGUF file.

Feeds the same synthetic token ids as reckon-bench (id_i = 100 + (7919·i mod 20000)), so both engines do the same
work; generation feeds one token at a time through the KV cache. Prints one JSON object:
{"engine": "llama.cpp", "threads": t, "pp": tokens/s, "tg": tokens/s, "rss_mb": peak resident MB}.
"""
import argparse
import json
import resource
import time

from llama_cpp import Llama


def prompt(n):
    return [100 + (i * 7919) % 20000 for i in range(n)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--prompt", type=int, default=512)
    parser.add_argument("--generate", type=int, default=128)
    parser.add_argument("--context", type=int, default=1024)
    args = parser.parse_args()

    llm = Llama(model_path=args.model, n_threads=args.threads, n_threads_batch=args.threads, n_ctx=args.context,
                n_batch=512, n_ubatch=512, verbose=False)
    tokens = prompt(args.prompt)
    llm.reset()
    start = time.perf_counter()
    llm.eval(tokens)
    pp = args.prompt / (time.perf_counter() - start)

    llm.reset()
    llm.eval(prompt(8))
    start = time.perf_counter()
    for token in prompt(args.generate):
        llm.eval([token])
    tg = args.generate / (time.perf_counter() - start)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"engine": "llama.cpp", "threads": args.threads, "pp": pp, "tg": tg, "rss_mb": rss_mb}))


if __name__ == "__main__":
    main()
