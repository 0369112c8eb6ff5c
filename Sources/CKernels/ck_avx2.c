// AVX2 + FMA + F16C kernels. Only called after ck_cpu_has_avx2_fma_f16c() said yes (see ck_dispatch.c).
// Weights are decoded in registers and multiplied with fp32 x; accumulation is fp32 in 8-lane vectors.
#include "ck_internal.h"

#include "ck_avx2_inline.h"

#ifdef CK_HAVE_X86

/// One fp16 scale via F16C (exact, like ck_half_to_float but a single instruction).
CK_AVX2 static inline float h2f(const uint8_t *p) { return _cvtsh_ss(ck_load_u16(p)); }

/// Eight bytes (low half of `bytes`) as unsigned values in float lanes.
CK_AVX2 static inline __m256 u8x8_to_ps(__m128i bytes) { return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(bytes)); }
/// Eight bytes (low half of `bytes`) as signed values in float lanes.
CK_AVX2 static inline __m256 i8x8_to_ps(__m128i bytes) { return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(bytes)); }

CK_AVX2 float ck_avx2_dot_f32(const float *a, const float *b, int64_t n) { return ck_avx2_dot_f32_inline(a, b, n); }

CK_AVX2 void ck_avx2_axpy(float alpha, const float *x, float *y, int64_t n) {
    const __m256 va = _mm256_set1_ps(alpha);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, _mm256_fmadd_ps(va, _mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i)));
    for (; i < n; i++) y[i] += alpha * x[i];
}

CK_AVX2 static float dot_f16(const uint8_t *p, const float *x, int64_t n) {
    __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps(), s2 = _mm256_setzero_ps(), s3 = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        s0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(p + 2 * i))), _mm256_loadu_ps(x + i), s0);
        s1 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(p + 2 * i + 16))), _mm256_loadu_ps(x + i + 8), s1);
        s2 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(p + 2 * i + 32))), _mm256_loadu_ps(x + i + 16), s2);
        s3 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(p + 2 * i + 48))), _mm256_loadu_ps(x + i + 24), s3);
    }
    for (; i + 8 <= n; i += 8)
        s0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(p + 2 * i))), _mm256_loadu_ps(x + i), s0);
    float sum = hsum256(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
    for (; i < n; i++) sum += ck_half_to_float(ck_load_u16(p + 2 * i)) * x[i];
    return sum;
}

CK_AVX2 static float dot_bf16(const uint8_t *p, const float *x, int64_t n) {
    __m256 s0 = _mm256_setzero_ps();
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256i wide = _mm256_slli_epi32(_mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(p + 2 * i))), 16);
        s0 = _mm256_fmadd_ps(_mm256_castsi256_ps(wide), _mm256_loadu_ps(x + i), s0);
    }
    float sum = hsum256(s0);
    for (; i < n; i++) sum += ck_bf16_to_float(ck_load_u16(p + 2 * i)) * x[i];
    return sum;
}

/// Q8_0: sum_b d_b * sum_j q_j x_j (d factored out per block; q converted exactly).
CK_AVX2 static float dot_q8_0(const uint8_t *p, const float *x, int64_t n) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    const int64_t blocks = n / 32;
    for (int64_t b = 0; b < blocks; b++, p += 34, x += 32) {
        const __m256 d = _mm256_set1_ps(h2f(p));
        const __m128i q01 = _mm_loadu_si128((const __m128i *)(p + 2));
        const __m128i q23 = _mm_loadu_si128((const __m128i *)(p + 18));
        __m256 t0 = _mm256_mul_ps(i8x8_to_ps(q01), _mm256_loadu_ps(x));
        __m256 t1 = _mm256_mul_ps(i8x8_to_ps(_mm_srli_si128(q01, 8)), _mm256_loadu_ps(x + 8));
        t0 = _mm256_fmadd_ps(i8x8_to_ps(q23), _mm256_loadu_ps(x + 16), t0);
        t1 = _mm256_fmadd_ps(i8x8_to_ps(_mm_srli_si128(q23, 8)), _mm256_loadu_ps(x + 24), t1);
        if (b & 1) acc1 = _mm256_fmadd_ps(d, _mm256_add_ps(t0, t1), acc1);
        else acc0 = _mm256_fmadd_ps(d, _mm256_add_ps(t0, t1), acc0);
    }
    return hsum256(_mm256_add_ps(acc0, acc1));
}

/// Q4_0: sum_b d_b * sum_j (q_j - 8) x_j, with q - 8 formed exactly in integers.
CK_AVX2 static float dot_q4_0(const uint8_t *p, const float *x, int64_t n) {
    const __m128i mask = _mm_set1_epi8(0x0F), eight = _mm_set1_epi8(8);
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    const int64_t blocks = n / 32;
    for (int64_t b = 0; b < blocks; b++, p += 18, x += 32) {
        const __m256 d = _mm256_set1_ps(h2f(p));
        const __m128i raw = _mm_loadu_si128((const __m128i *)(p + 2));
        const __m128i lo = _mm_sub_epi8(_mm_and_si128(raw, mask), eight);
        const __m128i hi = _mm_sub_epi8(_mm_and_si128(_mm_srli_epi16(raw, 4), mask), eight);
        __m256 t0 = _mm256_mul_ps(i8x8_to_ps(lo), _mm256_loadu_ps(x));
        __m256 t1 = _mm256_mul_ps(i8x8_to_ps(_mm_srli_si128(lo, 8)), _mm256_loadu_ps(x + 8));
        t0 = _mm256_fmadd_ps(i8x8_to_ps(hi), _mm256_loadu_ps(x + 16), t0);
        t1 = _mm256_fmadd_ps(i8x8_to_ps(_mm_srli_si128(hi, 8)), _mm256_loadu_ps(x + 24), t1);
        if (b & 1) acc1 = _mm256_fmadd_ps(d, _mm256_add_ps(t0, t1), acc1);
        else acc0 = _mm256_fmadd_ps(d, _mm256_add_ps(t0, t1), acc0);
    }
    return hsum256(_mm256_add_ps(acc0, acc1));
}

/// Q4_1: w = fma(q, d, m) decoded in registers, then sum w x (no d/m factoring, so no cancellation).
CK_AVX2 static float dot_q4_1(const uint8_t *p, const float *x, int64_t n) {
    const __m128i mask = _mm_set1_epi8(0x0F);
    __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps(), s2 = _mm256_setzero_ps(), s3 = _mm256_setzero_ps();
    const int64_t blocks = n / 32;
    for (int64_t b = 0; b < blocks; b++, p += 20, x += 32) {
        const __m256 d = _mm256_set1_ps(h2f(p));
        const __m256 m = _mm256_set1_ps(h2f(p + 2));
        const __m128i raw = _mm_loadu_si128((const __m128i *)(p + 4));
        const __m128i lo = _mm_and_si128(raw, mask);
        const __m128i hi = _mm_and_si128(_mm_srli_epi16(raw, 4), mask);
        s0 = _mm256_fmadd_ps(_mm256_fmadd_ps(u8x8_to_ps(lo), d, m), _mm256_loadu_ps(x), s0);
        s1 = _mm256_fmadd_ps(_mm256_fmadd_ps(u8x8_to_ps(_mm_srli_si128(lo, 8)), d, m), _mm256_loadu_ps(x + 8), s1);
        s2 = _mm256_fmadd_ps(_mm256_fmadd_ps(u8x8_to_ps(hi), d, m), _mm256_loadu_ps(x + 16), s2);
        s3 = _mm256_fmadd_ps(_mm256_fmadd_ps(u8x8_to_ps(_mm_srli_si128(hi, 8)), d, m), _mm256_loadu_ps(x + 24), s3);
    }
    return hsum256(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
}

/// Q4_1 rows against one x with the per-block sums of x precomputed: sum_b (d_b * sum_j q_j x_j + m_b * xsum_b).
/// Saves one FMA per 8 weights over dot_q4_1; the factoring costs at most ~4x more rounding relative to sum|w x|,
/// still far below 1e-5 for LLM row lengths (checked by the property tests).
CK_AVX2 void ck_avx2_matvec_q4_1(const uint8_t *w, int64_t row_bytes, int64_t cols, int64_t r0, int64_t r1,
                                 const float *x, float *y) {
    enum { MAX_STACK_BLOCKS = 1024 };
    const int64_t blocks = cols / 32;
    if (blocks > MAX_STACK_BLOCKS) {
        for (int64_t r = r0; r < r1; r++) y[r] = dot_q4_1(w + r * row_bytes, x, cols);
        return;
    }
    float xsum[MAX_STACK_BLOCKS];
    for (int64_t b = 0; b < blocks; b++) {
        __m256 v = _mm256_add_ps(_mm256_add_ps(_mm256_loadu_ps(x + 32 * b), _mm256_loadu_ps(x + 32 * b + 8)),
                                 _mm256_add_ps(_mm256_loadu_ps(x + 32 * b + 16), _mm256_loadu_ps(x + 32 * b + 24)));
        xsum[b] = hsum256(v);
    }
    const __m128i mask = _mm_set1_epi8(0x0F);
    for (int64_t r = r0; r < r1; r++) {
        const uint8_t *p = w + r * row_bytes;
        const float *xb = x;
        __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
        float mins = 0;
        for (int64_t b = 0; b < blocks; b++, p += 20, xb += 32) {
            const __m256 d = _mm256_set1_ps(h2f(p));
            mins += h2f(p + 2) * xsum[b];
            const __m128i raw = _mm_loadu_si128((const __m128i *)(p + 4));
            const __m128i lo = _mm_and_si128(raw, mask);
            const __m128i hi = _mm_and_si128(_mm_srli_epi16(raw, 4), mask);
            __m256 t0 = _mm256_mul_ps(u8x8_to_ps(lo), _mm256_loadu_ps(xb));
            __m256 t1 = _mm256_mul_ps(u8x8_to_ps(_mm_srli_si128(lo, 8)), _mm256_loadu_ps(xb + 8));
            t0 = _mm256_fmadd_ps(u8x8_to_ps(hi), _mm256_loadu_ps(xb + 16), t0);
            t1 = _mm256_fmadd_ps(u8x8_to_ps(_mm_srli_si128(hi, 8)), _mm256_loadu_ps(xb + 24), t1);
            if (b & 1) acc1 = _mm256_fmadd_ps(d, _mm256_add_ps(t0, t1), acc1);
            else acc0 = _mm256_fmadd_ps(d, _mm256_add_ps(t0, t1), acc0);
        }
        y[r] = hsum256(_mm256_add_ps(acc0, acc1)) + mins;
    }
}

CK_AVX2 float ck_avx2_dot(uint32_t type, const void *row, const float *x, int64_t n) {
    const uint8_t *p = (const uint8_t *)row;
    switch (type) {
    case CK_F32: return ck_avx2_dot_f32((const float *)row, x, n);
    case CK_F16: return dot_f16(p, x, n);
    case CK_BF16: return dot_bf16(p, x, n);
    case CK_Q8_0: return dot_q8_0(p, x, n);
    case CK_Q4_0: return dot_q4_0(p, x, n);
    case CK_Q4_1: return dot_q4_1(p, x, n);
    case CK_Q4_K: case CK_Q6_K: {
        // Decode one 256-element block at a time (portable decoder), then a vector fp32 dot.
        float tmp[256];
        const int bb = ck_block_bytes(type);
        float sum = 0;
        for (int64_t b = 0; b < n / 256; b++) {
            ck_portable_dequantize(type, p + b * bb, tmp, 256);
            sum += ck_avx2_dot_f32(tmp, x + 256 * b, 256);
        }
        return sum;
    }
    default: return ck_portable_dot(type, row, x, n);
    }
}

CK_AVX2 void ck_avx2_dequantize(uint32_t type, const void *src, float *dst, int64_t n) {
    const uint8_t *p = (const uint8_t *)src;
    switch (type) {
    case CK_F16: {
        int64_t i = 0;
        for (; i + 8 <= n; i += 8) _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(p + 2 * i))));
        for (; i < n; i++) dst[i] = ck_half_to_float(ck_load_u16(p + 2 * i));
        return;
    }
    case CK_Q8_0:
        for (int64_t b = 0; b < n / 32; b++, p += 34, dst += 32) {
            const __m256 d = _mm256_set1_ps(h2f(p));
            const __m128i q01 = _mm_loadu_si128((const __m128i *)(p + 2));
            const __m128i q23 = _mm_loadu_si128((const __m128i *)(p + 18));
            _mm256_storeu_ps(dst, _mm256_mul_ps(i8x8_to_ps(q01), d));
            _mm256_storeu_ps(dst + 8, _mm256_mul_ps(i8x8_to_ps(_mm_srli_si128(q01, 8)), d));
            _mm256_storeu_ps(dst + 16, _mm256_mul_ps(i8x8_to_ps(q23), d));
            _mm256_storeu_ps(dst + 24, _mm256_mul_ps(i8x8_to_ps(_mm_srli_si128(q23, 8)), d));
        }
        return;
    case CK_Q4_1: {
        // q·d + m as a multiply then an add (never fused), exactly the scalar decoder's two roundings.
        const __m128i mask = _mm_set1_epi8(0x0F);
        for (int64_t b = 0; b < n / 32; b++, p += 20, dst += 32) {
            const __m256 d = _mm256_set1_ps(h2f(p)), m = _mm256_set1_ps(h2f(p + 2));
            const __m128i raw = _mm_loadu_si128((const __m128i *)(p + 4));
            const __m128i lo = _mm_and_si128(raw, mask), hi = _mm_and_si128(_mm_srli_epi16(raw, 4), mask);
            _mm256_storeu_ps(dst, _mm256_add_ps(_mm256_mul_ps(u8x8_to_ps(lo), d), m));
            _mm256_storeu_ps(dst + 8, _mm256_add_ps(_mm256_mul_ps(u8x8_to_ps(_mm_srli_si128(lo, 8)), d), m));
            _mm256_storeu_ps(dst + 16, _mm256_add_ps(_mm256_mul_ps(u8x8_to_ps(hi), d), m));
            _mm256_storeu_ps(dst + 24, _mm256_add_ps(_mm256_mul_ps(u8x8_to_ps(_mm_srli_si128(hi, 8)), d), m));
        }
        return;
    }
    default:
        // Bit-exact scalar decoders.
        ck_portable_dequantize(type, src, dst, n);
        return;
    }
}
#endif
