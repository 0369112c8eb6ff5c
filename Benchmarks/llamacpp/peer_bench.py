#!/usr/bin/env python3
"""llama.cpp side of Benchmarks/compare-llamacpp: the reckon-bench workloads, run through llama-cpp-python.

Every workload feeds synthetic token ids, prompt(n)[i] = 100 + (7919·i mod 20000), the same as reckon-bench, so both
engines do the same work (the same definitions are in Benchmarks/ReckonBench):

  ppN      fresh KV state, prompt(N) in one batch, logits of the last token only; N / wall seconds.
  tg128    fresh state, prompt(8), then prompt(128) one token at a time (logits each step); 128 / wall seconds.
  ttft_ms  fresh state, wall milliseconds to evaluate prompt(128) and take the argmax of the last logits.
  rss_mb   peak resident MB (ru_maxrss), read after pp/tg/ttft (1024-position context) and before the shared runs.
  shared N a new context (N sequences, unified KV, n_ctx = 128 + 128·N + 64); timed: prompt(128) once as sequence 0
           with the argmax of its last logits, copied to sequences 1..N-1 with llama_memory_seq_cp, then 128 steps of
           one llama_decode holding N tokens (sequence s, step t: id 100 + 7919·(1000 + 131·s + t) mod 20000 at
           position 128 + t, logits for all), each followed by the argmax of every sequence's logits;
           N·128 / wall seconds. The ids are fixed, not sampled, so both engines do identical work.

Before timing, one untimed prompt(8) touches every weight page (reckon-bench likewise runs its correctness check
first). Each figure is the median over --repeats. Prints one JSON object:
{"engine": "llama.cpp", "threads": t, "pp128": t/s, "pp512": t/s, "tg128": t/s, "ttft_ms": ms, "rss_mb": MB,
 "shared": {"1": t/s, "4": t/s, ...}}
A sanity check (stderr warning only) compares each shared run's step-0 logits of the first and last sequence with a
plain evaluation of prompt(128) followed by that sequence's token.
"""
import argparse
import ctypes
import json
import resource
import statistics
import sys
import time

import llama_cpp
import numpy as np
from llama_cpp import Llama

PROMPT_CONTEXT = 1024  # positions of the pp/tg/ttft context; reckon-bench uses the same
SHARED_PROMPT = 128
SHARED_STEPS = 128
SHARED_SLACK = 64


def prompt(n):
    return [100 + (i * 7919) % 20000 for i in range(n)]


def shared_token(sequence, step):
    return 100 + (7919 * (1000 + 131 * sequence + step)) % 20000


def last_logits(ctx, n_vocab, index=-1):
    return np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(ctx, index), shape=(n_vocab,))


def time_pp(llm, n):
    llm.reset()  # the next eval removes every KV cell from position 0 on
    tokens = prompt(n)
    start = time.perf_counter()
    llm.eval(tokens)
    llama_cpp.llama_synchronize(llm.ctx)
    return n / (time.perf_counter() - start)


def time_tg(llm, n=128):
    llm.reset()
    llm.eval(prompt(8))
    tokens = prompt(n)
    start = time.perf_counter()
    for token in tokens:
        llm.eval([token])
    llama_cpp.llama_synchronize(llm.ctx)
    return n / (time.perf_counter() - start)


def time_ttft_ms(llm, n_vocab, n=128):
    llm.reset()
    tokens = prompt(n)
    start = time.perf_counter()
    llm.eval(tokens)
    int(np.argmax(last_logits(llm.ctx, n_vocab)))
    return (time.perf_counter() - start) * 1000


def shared_run(llm, n_seq, n_vocab, capture_first_step=False):
    """One timed shared-prefix run with n_seq sequences; returns (tokens/s, {sequence: step-0 logits copy})."""
    params = llama_cpp.llama_context_params.from_buffer_copy(llm.context_params)  # same threads, attention, KV types
    params.n_ctx = SHARED_PROMPT + n_seq * SHARED_STEPS + SHARED_SLACK
    params.n_batch = params.n_ubatch = max(SHARED_PROMPT, n_seq)
    params.n_seq_max = n_seq
    params.kv_unified = True
    ctx = llama_cpp.llama_init_from_model(llm.model, params)
    if not ctx:
        raise RuntimeError(f"llama_init_from_model failed for {n_seq} sequences (n_ctx {params.n_ctx})")
    capacity = max(SHARED_PROMPT, n_seq)
    batch = llama_cpp.llama_batch_init(capacity, 0, 1)
    captured = {}
    try:
        token = np.ctypeslib.as_array(batch.token, shape=(capacity,))
        pos = np.ctypeslib.as_array(batch.pos, shape=(capacity,))
        n_seq_id = np.ctypeslib.as_array(batch.n_seq_id, shape=(capacity,))
        logits = np.ctypeslib.as_array(batch.logits, shape=(capacity,))
        memory = llama_cpp.llama_get_memory(ctx)
        step_tokens = [[shared_token(s, t) for s in range(n_seq)] for t in range(SHARED_STEPS)]

        # Prompt batch: sequence 0, logits of the last token only (filled before the timer, like any input buffer).
        token[:SHARED_PROMPT] = prompt(SHARED_PROMPT)
        pos[:SHARED_PROMPT] = np.arange(SHARED_PROMPT)
        n_seq_id[:SHARED_PROMPT] = 1
        for i in range(SHARED_PROMPT):
            batch.seq_id[i][0] = 0
        logits[:SHARED_PROMPT] = 0
        logits[SHARED_PROMPT - 1] = 1
        batch.n_tokens = SHARED_PROMPT

        start = time.perf_counter()
        if llama_cpp.llama_decode(ctx, batch) != 0:
            raise RuntimeError(f"llama_decode of the shared prompt failed ({n_seq} sequences)")
        int(np.argmax(last_logits(ctx, n_vocab, SHARED_PROMPT - 1)))  # the prompt's greedy token, as reckon-bench does
        for s in range(1, n_seq):
            llama_cpp.llama_memory_seq_cp(memory, 0, s, -1, -1)
        # Step batches: entry s belongs to sequence s, logits for every entry.
        for s in range(n_seq):
            batch.seq_id[s][0] = s
        n_seq_id[:n_seq] = 1
        logits[:n_seq] = 1
        batch.n_tokens = n_seq
        for t in range(SHARED_STEPS):
            token[:n_seq] = step_tokens[t]
            pos[:n_seq] = SHARED_PROMPT + t
            if llama_cpp.llama_decode(ctx, batch) != 0:
                raise RuntimeError(f"llama_decode failed at step {t} ({n_seq} sequences)")
            for s in range(n_seq):
                row = last_logits(ctx, n_vocab, s)
                int(np.argmax(row))
                if capture_first_step and t == 0 and s in (0, n_seq - 1):
                    captured[s] = row.copy()
        elapsed = time.perf_counter() - start
    finally:
        llama_cpp.llama_batch_free(batch)
        llama_cpp.llama_free(ctx)
    return n_seq * SHARED_STEPS / elapsed, captured


def check_shared(llm, n_seq, n_vocab, captured):
    """Warns on stderr when a shared run's step-0 logits differ from a plain evaluation of the same tokens."""
    for s, got in captured.items():
        llm.reset()
        llm.eval(prompt(SHARED_PROMPT) + [shared_token(s, 0)])
        want = last_logits(llm.ctx, n_vocab).copy()
        diff = float(np.max(np.abs(got - want)))
        scale = float(np.max(np.abs(want)))
        if diff > 0.02 * scale + 0.05 or int(np.argmax(got)) != int(np.argmax(want)):
            print(f"peer_bench: WARNING shared N={n_seq} sequence {s}: step-0 logits differ from a plain evaluation "
                  f"(max |diff| {diff:.4f}, logit scale {scale:.2f}, argmax {int(np.argmax(got))} vs "
                  f"{int(np.argmax(want))})", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--shared", default="1,4,8,16,32",
                        help="comma-separated sequence counts for the shared-prefix workload; empty string skips it")
    parser.add_argument("--repeats", type=int, default=1, help="each figure is the median over this many runs")
    args = parser.parse_args()
    shared_counts = [int(x) for x in args.shared.split(",") if x.strip()]
    if any(n < 1 for n in shared_counts) or args.repeats < 1:
        parser.error("--shared counts and --repeats must be at least 1")

    llm = Llama(model_path=args.model, n_threads=args.threads, n_threads_batch=args.threads, n_ctx=PROMPT_CONTEXT,
                n_batch=512, n_ubatch=512, verbose=False)
    n_vocab = llm.n_vocab()
    llm.reset()
    llm.eval(prompt(8))  # untimed: maps every weight page in

    figures = {"pp128": [], "pp512": [], "tg128": [], "ttft_ms": []}
    for _ in range(args.repeats):
        figures["pp128"].append(time_pp(llm, 128))
        figures["pp512"].append(time_pp(llm, 512))
        figures["tg128"].append(time_tg(llm, 128))
        figures["ttft_ms"].append(time_ttft_ms(llm, n_vocab, 128))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    shared = {}
    for n_seq in shared_counts:
        rates = []
        for repeat in range(args.repeats):
            rate, captured = shared_run(llm, n_seq, n_vocab, capture_first_step=(repeat == 0))
            rates.append(rate)
            if captured:
                check_shared(llm, n_seq, n_vocab, captured)
        shared[str(n_seq)] = round(statistics.median(rates), 3)

    result = {"engine": "llama.cpp", "threads": args.threads}
    result.update({key: round(statistics.median(values), 3) for key, values in figures.items()})
    result["rss_mb"] = round(rss_mb, 1)
    result["shared"] = shared
    print(json.dumps(result))


if __name__ == "__main__":
    main()
