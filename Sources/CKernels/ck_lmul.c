// L-Mul dot product (Luo & Sun 2024, bit-level; see Numerics/LMul/LMul.swift for the rules this mirrors).
// Each product is an integer add of the fp32 magnitude fields minus a constant; accumulation is fp32 in 32 lanes
// (element i of each full block of 32 goes to lane i % 32), lane j of the four groups of eight is folded as
// v[j] = (l[j]+l[j+8]) + (l[j+16]+l[j+24]), then v is summed as ((v0+v4)+(v1+v5)) + ((v2+v6)+(v3+v7)), and the tail
// (n % 32 elements) is added in order. The portable and AVX2 paths use exactly this order, so they
// agree bit for bit. The matrix-vector product is that dot per row (the AVX2 path skips the rounding and special-value
// checks when the caller promises pre-rounded finite weights and x rounds to finite values); the axpy adds one L-Mul
// product per element.
#include "ckernels.h"
#include "ck_internal.h"

/// Constants of one mantissa size: round-to-nearest-even to `m` fraction bits, then the L-Mul offset.
typedef struct {
    uint32_t shift;      // 23 - m
    uint32_t lsb_and;    // 1 when rounding, 0 for m = 23
    uint32_t bias;       // (1 << (shift-1)) - 1, or 0
    uint32_t keep;       // ~((1 << shift) - 1)
    uint32_t k;          // (127 << 23) - (((1 << m) >> l(m)) << shift)
} lmul_consts;

static lmul_consts make_consts(uint32_t m) {
    uint32_t l = m <= 3 ? m : (m == 4 ? 3 : 4);
    lmul_consts c;
    c.shift = 23 - m;
    c.lsb_and = c.shift ? 1u : 0u;
    c.bias = c.shift ? (1u << (c.shift - 1)) - 1u : 0u;
    c.keep = ~((1u << c.shift) - 1u);
    c.k = 0x3F800000u - (((1u << m) >> l) << c.shift);
    return c;
}

static inline float lmul_scalar(float a, float b, const lmul_consts *c) {
    uint32_t x, y;
    __builtin_memcpy(&x, &a, 4);
    __builtin_memcpy(&y, &b, 4);
    uint32_t ax = x & 0x7FFFFFFFu, ay = y & 0x7FFFFFFFu;
    if (ax >= 0x7F800000u || ay >= 0x7F800000u) return a * b;  // NaN or infinity: IEEE product
    uint32_t sign = (x ^ y) & 0x80000000u;
    ax = (ax + c->bias + ((ax >> c->shift) & c->lsb_and)) & c->keep;
    ay = (ay + c->bias + ((ay >> c->shift) & c->lsb_and)) & c->keep;
    uint32_t r;
    uint32_t s = ax + ay;
    if (ax == 0 || ay == 0 || s < c->k + 0x00800000u) r = sign;
    else if (s >= c->k + 0x7F800000u) r = sign | 0x7F800000u;
    else r = sign | (s - c->k);
    float out;
    __builtin_memcpy(&out, &r, 4);
    return out;
}

static float lmul_dot_portable(const float *a, const float *b, int64_t n, const lmul_consts *c) {
    float acc[32] = {0};
    int64_t full = n - n % 32;
    for (int64_t i = 0; i < full; i += 32)
        for (int j = 0; j < 32; j++) acc[j] += lmul_scalar(a[i + j], b[i + j], c);
    float lane[8];
    for (int j = 0; j < 8; j++) lane[j] = (acc[j] + acc[j + 8]) + (acc[j + 16] + acc[j + 24]);
    float t0 = lane[0] + lane[4], t1 = lane[1] + lane[5], t2 = lane[2] + lane[6], t3 = lane[3] + lane[7];
    float sum = (t0 + t1) + (t2 + t3);
    for (int64_t i = full; i < n; i++) sum += lmul_scalar(a[i], b[i], c);
    return sum;
}


static void lmul_axpy_portable(float alpha, const float *x, float *y, int64_t n, const lmul_consts *c) {
    for (int64_t i = 0; i < n; i++) y[i] += lmul_scalar(alpha, x[i], c);
}

#ifdef CK_HAVE_X86
#include <immintrin.h>
#define CK_AVX2 __attribute__((target("avx2,fma,f16c")))

/// Rounds x to m bits once (idempotent: L-Mul of the rounded operand is the same product) and reports whether every
/// rounded value is finite.
static int round_operand(const float *x, float *out, int64_t n, const lmul_consts *c) {
    int finite = 1;
    for (int64_t i = 0; i < n; i++) {
        uint32_t bits;
        __builtin_memcpy(&bits, x + i, 4);
        uint32_t magnitude = bits & 0x7FFFFFFFu;
        if (magnitude < 0x7F800000u) {
            magnitude = (magnitude + c->bias + ((magnitude >> c->shift) & c->lsb_and)) & c->keep;
            bits = (bits & 0x80000000u) | magnitude;
        }
        if ((bits & 0x7FFFFFFFu) >= 0x7F800000u) finite = 0;
        __builtin_memcpy(out + i, &bits, 4);
    }
    return finite;
}


CK_AVX2 static float lmul_dot_avx2(const float *a, const float *b, int64_t n, const lmul_consts *c) {
    const __m256i magnitude = _mm256_set1_epi32(0x7FFFFFFF);
    const __m256i sign_bit = _mm256_set1_epi32((int)0x80000000u);
    const __m256i max_finite = _mm256_set1_epi32(0x7F7FFFFF);
    const __m256i infinity = _mm256_set1_epi32(0x7F800000);
    const __m256i zero = _mm256_setzero_si256();
    const __m256i bias = _mm256_set1_epi32((int)c->bias);
    const __m256i lsb_and = _mm256_set1_epi32((int)c->lsb_and);
    const __m256i keep = _mm256_set1_epi32((int)c->keep);
    const __m256i k = _mm256_set1_epi32((int)c->k);
    // Unsigned compares as signed compares of values with the top bit flipped.
    const __m256i under_limit = _mm256_set1_epi32((int)((c->k + 0x00800000u) ^ 0x80000000u));
    const __m256i over_limit = _mm256_set1_epi32((int)((c->k + 0x7F7FFFFFu) ^ 0x80000000u));
    const __m128i shift = _mm_cvtsi32_si128((int)c->shift);
    __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    int64_t full = n - n % 32;
    for (int64_t i = 0; i < full; i += 32) {
        for (int g = 0; g < 4; g++) {
            __m256 fa = _mm256_loadu_ps(a + i + 8 * g), fb = _mm256_loadu_ps(b + i + 8 * g);
            __m256i x = _mm256_castps_si256(fa), y = _mm256_castps_si256(fb);
            __m256i ax = _mm256_and_si256(x, magnitude), ay = _mm256_and_si256(y, magnitude);
            __m256i special = _mm256_or_si256(_mm256_cmpgt_epi32(ax, max_finite),
                                              _mm256_cmpgt_epi32(ay, max_finite));
            __m256i sign = _mm256_and_si256(_mm256_xor_si256(x, y), sign_bit);
            ax = _mm256_and_si256(_mm256_add_epi32(_mm256_add_epi32(ax, bias),
                                                   _mm256_and_si256(_mm256_srl_epi32(ax, shift), lsb_and)), keep);
            ay = _mm256_and_si256(_mm256_add_epi32(_mm256_add_epi32(ay, bias),
                                                   _mm256_and_si256(_mm256_srl_epi32(ay, shift), lsb_and)), keep);
            __m256i s = _mm256_add_epi32(ax, ay);
            __m256i s_flipped = _mm256_xor_si256(s, sign_bit);
            __m256i flush = _mm256_or_si256(
                _mm256_or_si256(_mm256_cmpeq_epi32(ax, zero), _mm256_cmpeq_epi32(ay, zero)),
                _mm256_cmpgt_epi32(under_limit, s_flipped));
            __m256i over = _mm256_cmpgt_epi32(s_flipped, over_limit);
            __m256i r = _mm256_sub_epi32(s, k);
            r = _mm256_blendv_epi8(r, infinity, over);
            r = _mm256_andnot_si256(flush, r);
            __m256 product = _mm256_castsi256_ps(_mm256_or_si256(r, sign));
            product = _mm256_blendv_ps(product, _mm256_mul_ps(fa, fb), _mm256_castsi256_ps(special));
            acc[g] = _mm256_add_ps(acc[g], product);
        }
    }
    __m256 folded = _mm256_add_ps(_mm256_add_ps(acc[0], acc[1]), _mm256_add_ps(acc[2], acc[3]));
    float lane[8];
    _mm256_storeu_ps(lane, folded);
    float t0 = lane[0] + lane[4], t1 = lane[1] + lane[5], t2 = lane[2] + lane[6], t3 = lane[3] + lane[7];
    float sum = (t0 + t1) + (t2 + t3);
    for (int64_t i = full; i < n; i++) sum += lmul_scalar(a[i], b[i], c);
    return sum;
}

/// lmul_dot_avx2 for operands that are both finite and already rounded to m bits (nonzero magnitudes only need the
/// integer add, the range checks and the sign): the same products in the same order, so the same sum.
CK_AVX2 static float lmul_dot_rounded_avx2(const float *a, const float *b, int64_t n, const lmul_consts *c) {
    const __m256i magnitude = _mm256_set1_epi32(0x7FFFFFFF);
    const __m256i sign_bit = _mm256_set1_epi32((int)0x80000000u);
    const __m256i infinity = _mm256_set1_epi32(0x7F800000);
    const __m256i zero = _mm256_setzero_si256();
    const __m256i k = _mm256_set1_epi32((int)c->k);
    const __m256i under_limit = _mm256_set1_epi32((int)((c->k + 0x00800000u) ^ 0x80000000u));
    const __m256i over_limit = _mm256_set1_epi32((int)((c->k + 0x7F7FFFFFu) ^ 0x80000000u));
    __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    int64_t full = n - n % 32;
    for (int64_t i = 0; i < full; i += 32) {
        for (int g = 0; g < 4; g++) {
            __m256i x = _mm256_castps_si256(_mm256_loadu_ps(a + i + 8 * g));
            __m256i y = _mm256_castps_si256(_mm256_loadu_ps(b + i + 8 * g));
            __m256i ax = _mm256_and_si256(x, magnitude), ay = _mm256_and_si256(y, magnitude);
            __m256i sign = _mm256_and_si256(_mm256_xor_si256(x, y), sign_bit);
            __m256i s = _mm256_add_epi32(ax, ay);
            __m256i s_flipped = _mm256_xor_si256(s, sign_bit);
            __m256i flush = _mm256_or_si256(
                _mm256_or_si256(_mm256_cmpeq_epi32(ax, zero), _mm256_cmpeq_epi32(ay, zero)),
                _mm256_cmpgt_epi32(under_limit, s_flipped));
            __m256i over = _mm256_cmpgt_epi32(s_flipped, over_limit);
            __m256i r = _mm256_blendv_epi8(_mm256_sub_epi32(s, k), infinity, over);
            r = _mm256_andnot_si256(flush, r);
            acc[g] = _mm256_add_ps(acc[g], _mm256_castsi256_ps(_mm256_or_si256(r, sign)));
        }
    }
    __m256 folded = _mm256_add_ps(_mm256_add_ps(acc[0], acc[1]), _mm256_add_ps(acc[2], acc[3]));
    float lane[8];
    _mm256_storeu_ps(lane, folded);
    float t0 = lane[0] + lane[4], t1 = lane[1] + lane[5], t2 = lane[2] + lane[6], t3 = lane[3] + lane[7];
    float sum = (t0 + t1) + (t2 + t3);
    for (int64_t i = full; i < n; i++) sum += lmul_scalar(a[i], b[i], c);
    return sum;
}

CK_AVX2 static void lmul_axpy_avx2(float alpha, const float *x, float *y, int64_t n, const lmul_consts *c) {
    uint32_t alpha_bits;
    __builtin_memcpy(&alpha_bits, &alpha, 4);
    if ((alpha_bits & 0x7FFFFFFFu) >= 0x7F800000u) { lmul_axpy_portable(alpha, x, y, n, c); return; }
    const __m256i magnitude = _mm256_set1_epi32(0x7FFFFFFF);
    const __m256i sign_bit = _mm256_set1_epi32((int)0x80000000u);
    const __m256i max_finite = _mm256_set1_epi32(0x7F7FFFFF);
    const __m256i infinity = _mm256_set1_epi32(0x7F800000);
    const __m256i zero = _mm256_setzero_si256();
    const __m256i bias = _mm256_set1_epi32((int)c->bias);
    const __m256i lsb_and = _mm256_set1_epi32((int)c->lsb_and);
    const __m256i keep = _mm256_set1_epi32((int)c->keep);
    const __m256i k = _mm256_set1_epi32((int)c->k);
    const __m256i under_limit = _mm256_set1_epi32((int)((c->k + 0x00800000u) ^ 0x80000000u));
    const __m256i over_limit = _mm256_set1_epi32((int)((c->k + 0x7F7FFFFFu) ^ 0x80000000u));
    const __m128i shift = _mm_cvtsi32_si128((int)c->shift);
    const __m256 fa = _mm256_set1_ps(alpha);
    const __m256i x_bits = _mm256_castps_si256(fa);
    __m256i ax = _mm256_and_si256(x_bits, magnitude);
    ax = _mm256_and_si256(_mm256_add_epi32(_mm256_add_epi32(ax, bias),
                                           _mm256_and_si256(_mm256_srl_epi32(ax, shift), lsb_and)), keep);
    const __m256i ax_zero = _mm256_cmpeq_epi32(ax, zero);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 fb = _mm256_loadu_ps(x + i);
        __m256i yb = _mm256_castps_si256(fb);
        __m256i ay = _mm256_and_si256(yb, magnitude);
        __m256i special = _mm256_cmpgt_epi32(ay, max_finite);
        __m256i sign = _mm256_and_si256(_mm256_xor_si256(x_bits, yb), sign_bit);
        ay = _mm256_and_si256(_mm256_add_epi32(_mm256_add_epi32(ay, bias),
                                               _mm256_and_si256(_mm256_srl_epi32(ay, shift), lsb_and)), keep);
        __m256i s = _mm256_add_epi32(ax, ay);
        __m256i s_flipped = _mm256_xor_si256(s, sign_bit);
        __m256i flush = _mm256_or_si256(_mm256_or_si256(ax_zero, _mm256_cmpeq_epi32(ay, zero)),
                                        _mm256_cmpgt_epi32(under_limit, s_flipped));
        __m256i over = _mm256_cmpgt_epi32(s_flipped, over_limit);
        __m256i r = _mm256_blendv_epi8(_mm256_sub_epi32(s, k), infinity, over);
        r = _mm256_andnot_si256(flush, r);
        __m256 product = _mm256_castsi256_ps(_mm256_or_si256(r, sign));
        product = _mm256_blendv_ps(product, _mm256_mul_ps(fa, fb), _mm256_castsi256_ps(special));
        _mm256_storeu_ps(y + i, _mm256_add_ps(_mm256_loadu_ps(y + i), product));
    }
    for (; i < n; i++) y[i] += lmul_scalar(alpha, x[i], c);
}
#endif

float ck_lmul_dot_f32(const float *a, const float *b, int64_t n, uint32_t mantissa_bits, int path) {
    if (mantissa_bits < 1 || mantissa_bits > 23) return __builtin_nanf("");
    lmul_consts c = make_consts(mantissa_bits);
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) return lmul_dot_avx2(a, b, n, &c);
#endif
    (void)path;
    return lmul_dot_portable(a, b, n, &c);
}

void ck_lmul_axpy_f32(float alpha, const float *x, float *y, int64_t n, uint32_t mantissa_bits, int path) {
    if (mantissa_bits < 1 || mantissa_bits > 23) return;
    lmul_consts c = make_consts(mantissa_bits);
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) { lmul_axpy_avx2(alpha, x, y, n, &c); return; }
#endif
    (void)path;
    lmul_axpy_portable(alpha, x, y, n, &c);
}

void ck_lmul_matvec_f32(const float *w, int64_t row_stride, int64_t cols, int64_t row_begin, int64_t row_end,
                        const float *x, float *y, uint32_t mantissa_bits, int weights_rounded, float *scratch,
                        int path) {
    if (mantissa_bits < 1 || mantissa_bits > 23) return;
    lmul_consts c = make_consts(mantissa_bits);
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) {
        if (weights_rounded && round_operand(x, scratch, cols, &c)) {
            for (int64_t r = row_begin; r < row_end; r++) y[r] = lmul_dot_rounded_avx2(w + r * row_stride, scratch, cols, &c);
        } else {
            for (int64_t r = row_begin; r < row_end; r++) y[r] = lmul_dot_avx2(w + r * row_stride, x, cols, &c);
        }
        return;
    }
#endif
    (void)path;
    (void)weights_rounded;
    (void)scratch;
    for (int64_t r = row_begin; r < row_end; r++) y[r] = lmul_dot_portable(w + r * row_stride, x, cols, &c);
}
