// Integer products against activations quantized to 16-bit blocks (the fast generation path).
//
// An activation vector x of n floats (n % 32 == 0) becomes, per block b of 32 elements:
//   d[b] = amax_b / 32767,  q[i] = round_to_nearest_even(x[i] · (32767 / amax_b)),  s[b] = d[b] · Σ_{i∈b} q[i]
// (amax_b = 0 gives d = 0 and q = 0). Weight blocks stay in their stored format; a row·x product is then
//   Q8_0: Σ_b dw_b · d_b · Σ w_i q_i          (w_i signed 8-bit)
//   Q4_0: Σ_b dw_b · d_b · Σ (w_i − 8) q_i    (w_i 4-bit)
//   Q4_1: Σ_b dw_b · d_b · Σ w_i q_i + mw_b · s_b
// with the inner sums exact in 32-bit integers (|w q| ≤ 128 · 32767, 32 terms). 16-bit activations keep the
// model's logits within ~1e-4 of the fp32 path (8-bit ones, as llama.cpp uses, move them by 1–3 %: measured on
// SmolLM2 by Scripts/oracle/activation_quantization_error.py), while the integer multiply-adds need far fewer
// instructions than decoding weights to floats. The portable and AVX2 quantisers produce identical blocks; products
// differ only in fp32 summation order.
#include "ckernels.h"
#include "ck_internal.h"
#include <math.h>

int ck_q16_supports(uint32_t type) { return type == CK_Q8_0 || type == CK_Q4_0 || type == CK_Q4_1; }

// MARK: portable

static void quantize_q16_portable(const float *x, int64_t n, int16_t *q, float *d, float *s) {
    for (int64_t b = 0; b < n / 32; b++) {
        const float *xb = x + 32 * b;
        const float amax = ck_block_amax(xb);
        const float scale = amax > 0 ? 32767.0f / amax : 0.0f;
        int32_t sum = 0;
        for (int i = 0; i < 32; i++) {
            long v = lrintf(xb[i] * scale);
            if (v > 32767) v = 32767;
            if (v < -32768) v = -32768;
            q[32 * b + i] = (int16_t)v;
            sum += (int32_t)v;
        }
        d[b] = amax / 32767.0f;
        s[b] = d[b] * (float)sum;
    }
}

static float dot_q16_portable(uint32_t type, const uint8_t *p, const int16_t *q, const float *d, const float *s,
                              int64_t blocks) {
    float total = 0;
    for (int64_t b = 0; b < blocks; b++) {
        const int16_t *qb = q + 32 * b;
        int32_t acc = 0;
        switch (type) {
        case CK_Q8_0: {
            const int8_t *w = (const int8_t *)(p + 2);
            for (int i = 0; i < 32; i++) acc += (int32_t)w[i] * qb[i];
            total += ck_half_to_float(ck_load_u16(p)) * d[b] * (float)acc;
            p += 34;
            break;
        }
        case CK_Q4_0:
            for (int i = 0; i < 16; i++) {
                acc += ((int32_t)(p[2 + i] & 0x0F) - 8) * qb[i];
                acc += ((int32_t)(p[2 + i] >> 4) - 8) * qb[i + 16];
            }
            total += ck_half_to_float(ck_load_u16(p)) * d[b] * (float)acc;
            p += 18;
            break;
        case CK_Q4_1:
            for (int i = 0; i < 16; i++) {
                acc += (int32_t)(p[4 + i] & 0x0F) * qb[i];
                acc += (int32_t)(p[4 + i] >> 4) * qb[i + 16];
            }
            total += ck_half_to_float(ck_load_u16(p)) * d[b] * (float)acc + ck_half_to_float(ck_load_u16(p + 2)) * s[b];
            p += 20;
            break;
        default:
            return NAN;
        }
    }
    return total;
}

// MARK: AVX2

#ifdef CK_HAVE_X86
#include "ck_avx2_inline.h"
/// Rows ahead whose weights are prefetched into L2 while decoding: chosen by measurement on the whole model's
/// weights streamed once per token (reckon-bench --kernels: ~25 ms without prefetch, ~14.5 ms with it, 1 thread).
#define CK_PREFETCH_ROWS 24
#define PF(addr) _mm_prefetch((const char *)(addr), _MM_HINT_T1)

CK_AVX2 static inline float hsum_ps(__m256 v) {
    __m128 x = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    x = _mm_add_ps(x, _mm_movehl_ps(x, x));
    x = _mm_add_ss(x, _mm_movehdup_ps(x));
    return _mm_cvtss_f32(x);
}

CK_AVX2 static inline int32_t hsum_epi32(__m256i v) {
    __m128i x = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    x = _mm_add_epi32(x, _mm_shuffle_epi32(x, 0x4E));
    x = _mm_add_epi32(x, _mm_shuffle_epi32(x, 0xB1));
    return _mm_cvtsi128_si32(x);
}

CK_AVX2 static void quantize_q16_avx2(const float *x, int64_t n, int16_t *q, float *d, float *s) {
    const __m256i ones = _mm256_set1_epi16(1);
    for (int64_t b = 0; b < n / 32; b++) {
        __m256 v[4];
        const float amax = ck_avx2_load_block_amax(x + 32 * b, v);
        const __m256 v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
        const __m256 scale = _mm256_set1_ps(amax > 0 ? 32767.0f / amax : 0.0f);
        // cvtps rounds to nearest even (default MXCSR), like lrintf; packs saturates like the portable clamp.
        __m256i i0 = _mm256_cvtps_epi32(_mm256_mul_ps(v0, scale)), i1 = _mm256_cvtps_epi32(_mm256_mul_ps(v1, scale));
        __m256i i2 = _mm256_cvtps_epi32(_mm256_mul_ps(v2, scale)), i3 = _mm256_cvtps_epi32(_mm256_mul_ps(v3, scale));
        // packs works per 128-bit lane: (a0-3 b0-3 a4-7 b4-7); restore element order with a 64-bit permute.
        __m256i lo = _mm256_permute4x64_epi64(_mm256_packs_epi32(i0, i1), 0xD8);
        __m256i hi = _mm256_permute4x64_epi64(_mm256_packs_epi32(i2, i3), 0xD8);
        _mm256_storeu_si256((__m256i *)(q + 32 * b), lo);
        _mm256_storeu_si256((__m256i *)(q + 32 * b + 16), hi);
        const int32_t sum = hsum_epi32(_mm256_add_epi32(_mm256_madd_epi16(lo, ones), _mm256_madd_epi16(hi, ones)));
        d[b] = amax / 32767.0f;
        s[b] = d[b] * (float)sum;
    }
}

/// Σ w q over one block as 8 int32 lanes; `w0`/`w1` hold elements 0–15 / 16–31 as int16.
CK_AVX2 static inline __m256i block_madd(__m256i w0, __m256i w1, const int16_t *qb) {
    return _mm256_add_epi32(_mm256_madd_epi16(w0, _mm256_loadu_si256((const __m256i *)qb)),
                            _mm256_madd_epi16(w1, _mm256_loadu_si256((const __m256i *)(qb + 16))));
}

/// Two fp16 values (d, m) at p as floats in lanes 0 and 1.
CK_AVX2 static inline __m128 load_two_halves(const uint8_t *p) {
    int32_t bits;
    memcpy(&bits, p, 4);
    return _mm_cvtph_ps(_mm_cvtsi32_si128(bits));
}

/// Lane k of the result = Σ of the 8 lanes of t[k] (8 rows' block sums side by side).
CK_AVX2 static inline __m256i reduce8(__m256i t0, __m256i t1, __m256i t2, __m256i t3, __m256i t4, __m256i t5,
                                      __m256i t6, __m256i t7) {
    const __m256i h01 = _mm256_hadd_epi32(t0, t1), h23 = _mm256_hadd_epi32(t2, t3);
    const __m256i h45 = _mm256_hadd_epi32(t4, t5), h67 = _mm256_hadd_epi32(t6, t7);
    const __m256i h0123 = _mm256_hadd_epi32(h01, h23), h4567 = _mm256_hadd_epi32(h45, h67);
    // h0123 = [t0 t1 t2 t3 (low halves) | t0 t1 t2 t3 (high halves)], likewise h4567 for rows 4–7.
    return _mm256_add_epi32(_mm256_permute2x128_si256(h0123, h4567, 0x20),
                            _mm256_permute2x128_si256(h0123, h4567, 0x31));
}

/// Eight fp16 values, one per row, found at p + vindex[k] (32-bit gather; the fp16 is the low half of each word
/// when `high` is 0, the high half when 1), as floats.
CK_AVX2 static inline __m256i gather_words(const uint8_t *p, __m256i vindex) {
    return _mm256_i32gather_epi32((const int *)p, vindex, 1);
}

CK_AVX2 static inline __m256 low_halves_to_ps(__m256i words) {
    const __m256i pick = _mm256_setr_epi8(0, 1, 4, 5, 8, 9, 12, 13, -1, -1, -1, -1, -1, -1, -1, -1,
                                          0, 1, 4, 5, 8, 9, 12, 13, -1, -1, -1, -1, -1, -1, -1, -1);
    const __m256i packed = _mm256_permute4x64_epi64(_mm256_shuffle_epi8(words, pick), 0x08);
    return _mm256_cvtph_ps(_mm256_castsi256_si128(packed));
}

CK_AVX2 static inline __m256 high_halves_to_ps(__m256i words) { return low_halves_to_ps(_mm256_srli_epi32(words, 16)); }

/// Eight rows (r0…r0+7) of a Q4_1/Q8_0 matrix against `nvec` activation vectors, lane k of each result = row r0+k.
/// The rows are decoded once, a segment of up to MULTI_MAX_BLOCKS blocks at a time, into L1-sized scratch (per block:
/// 8 rows × 32 int16 weights, then their scales as 8-lane vectors); then each vector reduces the 8 rows' exact integer
/// block sums into one vector and applies the scales with one FMA per block. Every vector gets the same float
/// operations in the same order whatever `nvec` is and however the blocks are segmented (its accumulators carry
/// over between segments), so a vector's result does not depend on the batch: batch-invariant.
enum { MULTI_MAX_BLOCKS = 128, MULTI_MAX_VECTORS = 64 };

CK_AVX2 static void matmul8_q16(uint32_t type, const uint8_t *w, int64_t row_bytes, int64_t blocks, int64_t r0,
                                int64_t nvec, const int16_t *const *q, const float *const *d, const float *const *s,
                                float *const *y) {
    static _Thread_local int16_t weights[MULTI_MAX_BLOCKS * 8 * 32] __attribute__((aligned(32)));
    static _Thread_local float scales[MULTI_MAX_BLOCKS * 8] __attribute__((aligned(32)));
    static _Thread_local float minimums[MULTI_MAX_BLOCKS * 8] __attribute__((aligned(32)));
    static _Thread_local float accumulators[MULTI_MAX_VECTORS * 16] __attribute__((aligned(32)));
    const __m256i vindex = _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7),
                                              _mm256_set1_epi32((int)row_bytes));
    const __m128i mask = _mm_set1_epi8(0x0F);
    const int is_q4_1 = type == CK_Q4_1;
    const int64_t block_bytes = is_q4_1 ? 20 : 34;
    const int64_t ahead = CK_PREFETCH_ROWS * row_bytes;
    for (int64_t v0 = 0; v0 < nvec; v0 += MULTI_MAX_VECTORS) {
        const int64_t vectors = nvec - v0 < MULTI_MAX_VECTORS ? nvec - v0 : MULTI_MAX_VECTORS;
        for (int64_t i = 0; i < vectors * 16; i++) accumulators[i] = 0;  // per vector: acc (8 lanes), mins (8 lanes)
        for (int64_t b0 = 0; b0 < blocks; b0 += MULTI_MAX_BLOCKS) {
            const int64_t segment = blocks - b0 < MULTI_MAX_BLOCKS ? blocks - b0 : MULTI_MAX_BLOCKS;
            const uint8_t *p = w + r0 * row_bytes + b0 * block_bytes;
            for (int64_t b = 0; b < segment; b++, p += block_bytes) {
                int16_t *wb = weights + b * 256;
                // Spread the prefetches of the rows `ahead` bytes further over the decode loop (a burst would stall
                // on the few line-fill buffers a core has): one line per row whenever this block starts a new line.
                if ((((b0 + b) * block_bytes) & 63) < block_bytes)
                    for (int k = 0; k < 8; k++) PF(p + k * row_bytes + ahead);
                for (int k = 0; k < 8; k++) {
                    const uint8_t *pk = p + k * row_bytes;
                    __m256i w0, w1;
                    if (is_q4_1) {
                        const __m128i raw = _mm_loadu_si128((const __m128i *)(pk + 4));
                        w0 = _mm256_cvtepu8_epi16(_mm_and_si128(raw, mask));
                        w1 = _mm256_cvtepu8_epi16(_mm_and_si128(_mm_srli_epi16(raw, 4), mask));
                    } else {
                        w0 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(pk + 2)));
                        w1 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(pk + 18)));
                    }
                    _mm256_store_si256((__m256i *)(wb + 32 * k), w0);
                    _mm256_store_si256((__m256i *)(wb + 32 * k + 16), w1);
                }
                const __m256i words = gather_words(p, vindex);
                _mm256_store_ps(scales + 8 * b, low_halves_to_ps(words));
                if (is_q4_1) _mm256_store_ps(minimums + 8 * b, high_halves_to_ps(words));
            }
            for (int64_t v = 0; v < vectors; v++) {
                const int16_t *qv = q[v0 + v] + 32 * b0;
                const float *dv = d[v0 + v] + b0, *sv = s[v0 + v] + b0;
                __m256 acc = _mm256_load_ps(accumulators + 16 * v), mins = _mm256_load_ps(accumulators + 16 * v + 8);
                for (int64_t b = 0; b < segment; b++) {
                    const __m256i x0 = _mm256_loadu_si256((const __m256i *)(qv + 32 * b));
                    const __m256i x1 = _mm256_loadu_si256((const __m256i *)(qv + 32 * b + 16));
                    const int16_t *wb = weights + b * 256;
#define ROW_SUM(k) _mm256_add_epi32(_mm256_madd_epi16(_mm256_load_si256((const __m256i *)(wb + 32 * (k))), x0), \
                                    _mm256_madd_epi16(_mm256_load_si256((const __m256i *)(wb + 32 * (k) + 16)), x1))
                    const __m256i sums = reduce8(ROW_SUM(0), ROW_SUM(1), ROW_SUM(2), ROW_SUM(3), ROW_SUM(4),
                                                 ROW_SUM(5), ROW_SUM(6), ROW_SUM(7));
#undef ROW_SUM
                    acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(sums),
                                          _mm256_mul_ps(_mm256_load_ps(scales + 8 * b), _mm256_set1_ps(dv[b])), acc);
                    if (is_q4_1) mins = _mm256_fmadd_ps(_mm256_load_ps(minimums + 8 * b), _mm256_set1_ps(sv[b]), mins);
                }
                _mm256_store_ps(accumulators + 16 * v, acc);
                _mm256_store_ps(accumulators + 16 * v + 8, mins);
            }
        }
        for (int64_t v = 0; v < vectors; v++) {
            const __m256 acc = _mm256_load_ps(accumulators + 16 * v), mins = _mm256_load_ps(accumulators + 16 * v + 8);
            _mm256_storeu_ps(y[v0 + v] + r0, is_q4_1 ? _mm256_add_ps(acc, mins) : acc);
        }
    }
}

CK_AVX2 static void matvec_q4_1_q16(const uint8_t *w, int64_t row_bytes, int64_t blocks, int64_t r0, int64_t r1,
                                    const int16_t *q, const float *d, const float *s, float *y) {
    const __m128i mask = _mm_set1_epi8(0x0F);
    for (int64_t r = r0; r < r1; r++) {
        const uint8_t *p = w + r * row_bytes;
        for (int64_t off = 0; off < row_bytes; off += 64) _mm_prefetch((const char *)(p + CK_PREFETCH_ROWS * row_bytes + off), _MM_HINT_T0);
        __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
        __m128 mins = _mm_setzero_ps();
        int64_t b = 0;
        for (; b < blocks; b++, p += 20) {
            const __m128 dm = load_two_halves(p);
            const __m128i raw = _mm_loadu_si128((const __m128i *)(p + 4));
            const __m256i w0 = _mm256_cvtepu8_epi16(_mm_and_si128(raw, mask));
            const __m256i w1 = _mm256_cvtepu8_epi16(_mm_and_si128(_mm_srli_epi16(raw, 4), mask));
            const __m256 sum = _mm256_cvtepi32_ps(block_madd(w0, w1, q + 32 * b));
            // lane 0: dw·d_b, lane 1: mw·s_b
            const __m128 factors = _mm_mul_ps(dm, _mm_setr_ps(d[b], s[b], 0, 0));
            mins = _mm_add_ps(mins, factors);  // lane 1 accumulates the min terms (lane 0 is discarded)
            const __m256 scale = _mm256_broadcastss_ps(factors);
            if (b & 1) acc1 = _mm256_fmadd_ps(sum, scale, acc1);
            else acc0 = _mm256_fmadd_ps(sum, scale, acc0);
        }
        y[r] = hsum_ps(_mm256_add_ps(acc0, acc1)) + _mm_cvtss_f32(_mm_movehdup_ps(mins));
    }
}

CK_AVX2 static void matvec_q4_0_q16(const uint8_t *w, int64_t row_bytes, int64_t blocks, int64_t r0, int64_t r1,
                                    const int16_t *q, const float *d, float *y) {
    const __m128i mask = _mm_set1_epi8(0x0F), eight = _mm_set1_epi8(8);
    for (int64_t r = r0; r < r1; r++) {
        const uint8_t *p = w + r * row_bytes;
        __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
        for (int64_t b = 0; b < blocks; b++, p += 18) {
            const __m128i raw = _mm_loadu_si128((const __m128i *)(p + 2));
            const __m256i w0 = _mm256_cvtepi8_epi16(_mm_sub_epi8(_mm_and_si128(raw, mask), eight));
            const __m256i w1 = _mm256_cvtepi8_epi16(_mm_sub_epi8(_mm_and_si128(_mm_srli_epi16(raw, 4), mask), eight));
            const __m256 sum = _mm256_cvtepi32_ps(block_madd(w0, w1, q + 32 * b));
            const __m256 scale = _mm256_set1_ps(_cvtsh_ss(ck_load_u16(p)) * d[b]);
            if (b & 1) acc1 = _mm256_fmadd_ps(sum, scale, acc1);
            else acc0 = _mm256_fmadd_ps(sum, scale, acc0);
        }
        y[r] = hsum_ps(_mm256_add_ps(acc0, acc1));
    }
}

CK_AVX2 static void matvec_q8_0_q16(const uint8_t *w, int64_t row_bytes, int64_t blocks, int64_t r0, int64_t r1,
                                    const int16_t *q, const float *d, float *y) {
    for (int64_t r = r0; r < r1; r++) {
        const uint8_t *p = w + r * row_bytes;
        for (int64_t off = 0; off < row_bytes; off += 64) _mm_prefetch((const char *)(p + CK_PREFETCH_ROWS * row_bytes + off), _MM_HINT_T0);
        __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
        for (int64_t b = 0; b < blocks; b++, p += 34) {
            const __m256i w0 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(p + 2)));
            const __m256i w1 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(p + 18)));
            const __m256 sum = _mm256_cvtepi32_ps(block_madd(w0, w1, q + 32 * b));
            const __m256 scale = _mm256_set1_ps(_cvtsh_ss(ck_load_u16(p)) * d[b]);
            if (b & 1) acc1 = _mm256_fmadd_ps(sum, scale, acc1);
            else acc0 = _mm256_fmadd_ps(sum, scale, acc0);
        }
        y[r] = hsum_ps(_mm256_add_ps(acc0, acc1));
    }
}
#endif

// MARK: dispatch

void ck_quantize_q16(const float *x, int64_t n, int16_t *q, float *d, float *s, int path) {
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) { quantize_q16_avx2(x, n, q, d, s); return; }
#endif
    (void)path;
    quantize_q16_portable(x, n, q, d, s);
}

void ck_matmul_q16(uint32_t type, const void *w, int64_t row_bytes, int64_t cols, int64_t r0, int64_t r1, int64_t nvec,
                   const int16_t *const *q, const float *const *d, const float *const *s, float *const *y, int path) {
    if (!ck_q16_supports(type)) return;
    const uint8_t *base = (const uint8_t *)w;
    const int64_t blocks = cols / 32;
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) {
        int64_t r = r0;
        // Whole groups of 8 rows through the 8-row kernel (Q4_1, Q8_0), the rest row by row.
        if ((type == CK_Q4_1 || type == CK_Q8_0) && row_bytes * 8 <= INT32_MAX)
            for (; r + 8 <= r1; r += 8) matmul8_q16(type, base, row_bytes, blocks, r, nvec, q, d, s, y);
        for (int64_t v = 0; v < nvec; v++) {
            switch (type) {
            case CK_Q4_1: matvec_q4_1_q16(base, row_bytes, blocks, r, r1, q[v], d[v], s[v], y[v]); break;
            case CK_Q4_0: matvec_q4_0_q16(base, row_bytes, blocks, r, r1, q[v], d[v], y[v]); break;
            case CK_Q8_0: matvec_q8_0_q16(base, row_bytes, blocks, r, r1, q[v], d[v], y[v]); break;
            }
        }
        return;
    }
#endif
    (void)path;
    for (int64_t v = 0; v < nvec; v++)
        for (int64_t r = r0; r < r1; r++) y[v][r] = dot_q16_portable(type, base + r * row_bytes, q[v], d[v], s[v], blocks);
}

int ck_matvec_q16(uint32_t type, const void *w, int64_t row_bytes, int64_t cols, int64_t r0, int64_t r1,
                  const int16_t *q, const float *d, const float *s, float *y, int path) {
    if (!ck_q16_supports(type)) return 0;
    ck_matmul_q16(type, w, row_bytes, cols, r0, r1, 1, &q, &d, &s, &y, path);
    return 1;
}
