// 8-bit activations against Q4_1 weights in the x8 layout (ck_x8.c): the `--activations int8` option.
//
// An activation vector x (n % 32 == 0) becomes, per block b of 32 elements (llama.cpp's Q8_1 with fp32 scales):
//   d[b] = amax_b / 127,  q[i] = round_to_nearest_even(x[i] · (127 / amax_b)),  s[b] = d[b] · Σ_{i∈b} q[i]
// and a Q4_1 row·x product is Σ_b dw_b · d_b · Σ w_i q_i + mw_b · s_b with exact integer block sums. One 256-bit
// u8×s8 multiply-add (vpdpbusd, or vpmaddubsw + vpmaddwd on plain AVX2) does 32 products against the 16 of the
// int16 kernels, and the 4-bit weights need no widening: lane r of an x8 vector holds row r's quant bytes 4c…4c+3,
// whose low nibbles are elements 4c…4c+3 and high nibbles elements 16+4c…16+4c+3, so the activation is read in
// its natural order, four bytes at a time. Logits move by about 2-4 % of their largest magnitude against ~1e-4 for
// int16 blocks (SmolLM2, measured by the Model tests); the fp32 operations per row are those of the int16 x8 kernel.
#include "ckernels.h"
#include "ck_internal.h"
#include <math.h>
#include <stdlib.h>

// MARK: portable

static void quantize_q8_portable(const float *x, int64_t n, int8_t *q, float *d, float *s) {
    for (int64_t b = 0; b < n / 32; b++) {
        const float *xb = x + 32 * b;
        const float amax = ck_block_amax(xb);
        const float scale = amax > 0 ? 127.0f / amax : 0.0f;
        int32_t sum = 0;
        for (int i = 0; i < 32; i++) {
            long v = lrintf(xb[i] * scale);
            if (v > 127) v = 127;
            if (v < -128) v = -128;
            q[32 * b + i] = (int8_t)v;
            sum += (int32_t)v;
        }
        d[b] = amax / 127.0f;
        s[b] = d[b] * (float)sum;
    }
}

/// Row r of the x8 matrix, restored, against one vector: blocks in order, exact integer sums.
static float dot_q4_1_q8_portable(const uint8_t *row, const int8_t *q, const float *d, const float *s,
                                  int64_t blocks) {
    float total = 0;
    for (int64_t b = 0; b < blocks; b++, row += 20) {
        const int8_t *qb = q + 32 * b;
        int32_t acc = 0;
        for (int i = 0; i < 16; i++) {
            acc += (int32_t)(row[4 + i] & 0x0F) * qb[i];
            acc += (int32_t)(row[4 + i] >> 4) * qb[i + 16];
        }
        total += ck_half_to_float(ck_load_u16(row)) * d[b] * (float)acc + ck_half_to_float(ck_load_u16(row + 2)) * s[b];
    }
    return total;
}

static void matmul_x8_q8_portable(const uint8_t *w, int64_t cols, int64_t r0, int64_t r1, int64_t nvec,
                                  const int8_t *const *q, const float *const *d, const float *const *s,
                                  float *const *y) {
    const int64_t blocks = cols / 32;
    uint8_t *row = malloc((size_t)(blocks * 20));
    if (!row) return;
    for (int64_t r = r0; r < r1; r++) {
        ck_x8_unpack_row(CK_Q4_1, w, cols, r, row);
        for (int64_t v = 0; v < nvec; v++) y[v][r] = dot_q4_1_q8_portable(row, q[v], d[v], s[v], blocks);
    }
    free(row);
}

// MARK: AVX2 / AVX-512 VNNI

#ifdef CK_HAVE_X86
#include "ck_avx2_inline.h"
#define CK_VNNI __attribute__((target("avx512vnni,avx512vl,avx2,fma,f16c")))

CK_AVX2 static void quantize_q8_avx2(const float *x, int64_t n, int8_t *q, float *d, float *s) {
    for (int64_t b = 0; b < n / 32; b++) {
        __m256 v[4];
        const float amax = ck_avx2_load_block_amax(x + 32 * b, v);
        const __m256 v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
        const __m256 scale = _mm256_set1_ps(amax > 0 ? 127.0f / amax : 0.0f);
        // cvtps rounds to nearest even like lrintf; the packs saturate like the portable clamp.
        const __m256i i0 = _mm256_cvtps_epi32(_mm256_mul_ps(v0, scale)), i1 = _mm256_cvtps_epi32(_mm256_mul_ps(v1, scale));
        const __m256i i2 = _mm256_cvtps_epi32(_mm256_mul_ps(v2, scale)), i3 = _mm256_cvtps_epi32(_mm256_mul_ps(v3, scale));
        const __m256i sum32 = _mm256_add_epi32(_mm256_add_epi32(i0, i1), _mm256_add_epi32(i2, i3));
        // packs work per 128-bit lane; a dword permute restores element order.
        const __m256i words = _mm256_packs_epi32(i0, i1), words2 = _mm256_packs_epi32(i2, i3);
        const __m256i bytes = _mm256_permutevar8x32_epi32(_mm256_packs_epi16(words, words2),
                                                          _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
        _mm256_storeu_si256((__m256i *)(q + 32 * b), bytes);
        __m128i t = _mm_add_epi32(_mm256_castsi256_si128(sum32), _mm256_extracti128_si256(sum32, 1));
        t = _mm_add_epi32(t, _mm_shuffle_epi32(t, 0x4E));
        t = _mm_add_epi32(t, _mm_shuffle_epi32(t, 0xB1));
        d[b] = amax / 127.0f;
        s[b] = d[b] * (float)_mm_cvtsi128_si32(t);
    }
}

/// acc + Σ over each 32-bit lane of 4 u8 × s8 products: vpmaddubsw + vpmaddwd + vpaddd on AVX2 (the 16-bit pair
/// sums cannot saturate: 2 · 15 · 128 < 32767), one vpdpbusd with AVX-512 VNNI.
#define DP_AVX2(acc, w, x) \
    _mm256_add_epi32((acc), _mm256_madd_epi16(_mm256_maddubs_epi16((w), (x)), _mm256_set1_epi16(1)))
#define DP_VNNI(acc, w, x) _mm256_dpbusd_epi32((acc), (w), (x))

/// Rows 8g…8g+7 against one vector: lane r of the result is row r.
#define GEMV8_Q4_1_Q8(NAME, TARGET, DP)                                                                             \
    TARGET static inline __m256 NAME(const uint8_t *group, int64_t blocks, const int8_t *q, const float *d,          \
                                     const float *s) {                                                              \
        const __m256i low4 = _mm256_set1_epi8(0x0F);                                                                \
        __m256 acc = _mm256_setzero_ps(), mins = acc;                                                               \
        for (int64_t b = 0; b < blocks; b++, group += 160, q += 32) {                                               \
            int32_t x[8];                                                                                           \
            memcpy(x, q, 32);                                                                                       \
            __m256i s0 = _mm256_setzero_si256(), s1 = s0;                                                           \
            for (int c = 0; c < 4; c++) {                                                                           \
                const __m256i v = _mm256_loadu_si256((const __m256i *)(group + 32 + 32 * c));                       \
                s0 = DP(s0, _mm256_and_si256(v, low4), _mm256_set1_epi32(x[c]));                                    \
                s1 = DP(s1, _mm256_and_si256(_mm256_srli_epi16(v, 4), low4), _mm256_set1_epi32(x[4 + c]));          \
            }                                                                                                       \
            const __m256 scales = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)group));                         \
            const __m256 minimums = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(group + 16)));                \
            acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(s0, s1)),                                     \
                                  _mm256_mul_ps(scales, _mm256_set1_ps(d[b])), acc);                                \
            mins = _mm256_fmadd_ps(minimums, _mm256_set1_ps(s[b]), mins);                                           \
        }                                                                                                           \
        return _mm256_add_ps(acc, mins);                                                                            \
    }

/// Two vectors (A and B) at once, each getting exactly the one-vector kernel's operations.
#define GEMV8X2_Q4_1_Q8(NAME, TARGET, DP)                                                                           \
    TARGET static inline void NAME(const uint8_t *group, int64_t blocks, const int8_t *qa, const int8_t *qb,         \
                                   const float *da, const float *sa, const float *db, const float *sb, float *ya,    \
                                   float *yb) {                                                                     \
        const __m256i low4 = _mm256_set1_epi8(0x0F);                                                                \
        __m256 acc_a = _mm256_setzero_ps(), mins_a = acc_a, acc_b = acc_a, mins_b = acc_a;                          \
        for (int64_t b = 0; b < blocks; b++, group += 160, qa += 32, qb += 32) {                                    \
            int32_t xa[8], xb[8];                                                                                   \
            memcpy(xa, qa, 32);                                                                                     \
            memcpy(xb, qb, 32);                                                                                     \
            __m256i s0a = _mm256_setzero_si256(), s1a = s0a, s0b = s0a, s1b = s0a;                                  \
            for (int c = 0; c < 4; c++) {                                                                           \
                const __m256i v = _mm256_loadu_si256((const __m256i *)(group + 32 + 32 * c));                       \
                const __m256i lo = _mm256_and_si256(v, low4), hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), low4); \
                s0a = DP(s0a, lo, _mm256_set1_epi32(xa[c]));                                                        \
                s0b = DP(s0b, lo, _mm256_set1_epi32(xb[c]));                                                        \
                s1a = DP(s1a, hi, _mm256_set1_epi32(xa[4 + c]));                                                    \
                s1b = DP(s1b, hi, _mm256_set1_epi32(xb[4 + c]));                                                    \
            }                                                                                                       \
            const __m256 scales = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)group));                         \
            const __m256 minimums = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(group + 16)));                \
            acc_a = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(s0a, s1a)),                                 \
                                    _mm256_mul_ps(scales, _mm256_set1_ps(da[b])), acc_a);                           \
            acc_b = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(s0b, s1b)),                                 \
                                    _mm256_mul_ps(scales, _mm256_set1_ps(db[b])), acc_b);                           \
            mins_a = _mm256_fmadd_ps(minimums, _mm256_set1_ps(sa[b]), mins_a);                                      \
            mins_b = _mm256_fmadd_ps(minimums, _mm256_set1_ps(sb[b]), mins_b);                                      \
        }                                                                                                           \
        _mm256_storeu_ps(ya, _mm256_add_ps(acc_a, mins_a));                                                         \
        _mm256_storeu_ps(yb, _mm256_add_ps(acc_b, mins_b));                                                         \
    }

/// Every group of rows r0…r1 (multiples of 8), the vectors two at a time (the group stays in L1 meanwhile).
#define MATMUL_X8_Q8(NAME, TARGET, GEMV, GEMVX2)                                                                    \
    TARGET static void NAME(const uint8_t *w, int64_t cols, int64_t r0, int64_t r1, int64_t nvec,                    \
                            const int8_t *const *q, const float *const *d, const float *const *s, float *const *y) { \
        const int64_t blocks = cols / 32, row_bytes = blocks * 20;                                                  \
        for (int64_t r = r0; r < r1; r += 8) {                                                                      \
            const uint8_t *group = w + r * row_bytes;                                                               \
            int64_t v = 0;                                                                                          \
            for (; v + 2 <= nvec; v += 2)                                                                           \
                GEMVX2(group, blocks, q[v], q[v + 1], d[v], s[v], d[v + 1], s[v + 1], y[v] + r, y[v + 1] + r);       \
            if (v < nvec) _mm256_storeu_ps(y[v] + r, GEMV(group, blocks, q[v], d[v], s[v]));                        \
        }                                                                                                           \
    }

GEMV8_Q4_1_Q8(gemv8_q4_1_q8_avx2, CK_AVX2, DP_AVX2)
GEMV8X2_Q4_1_Q8(gemv8x2_q4_1_q8_avx2, CK_AVX2, DP_AVX2)
MATMUL_X8_Q8(matmul_x8_q8_avx2, CK_AVX2, gemv8_q4_1_q8_avx2, gemv8x2_q4_1_q8_avx2)
GEMV8_Q4_1_Q8(gemv8_q4_1_q8_vnni, CK_VNNI, DP_VNNI)
GEMV8X2_Q4_1_Q8(gemv8x2_q4_1_q8_vnni, CK_VNNI, DP_VNNI)
MATMUL_X8_Q8(matmul_x8_q8_vnni, CK_VNNI, gemv8_q4_1_q8_vnni, gemv8x2_q4_1_q8_vnni)

#endif

// MARK: dispatch

void ck_quantize_q8(const float *x, int64_t n, int8_t *q, float *d, float *s, int path) {
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) { quantize_q8_avx2(x, n, q, d, s); return; }
#endif
    (void)path;
    quantize_q8_portable(x, n, q, d, s);
}

void ck_x8_matmul_q8(uint32_t type, const void *w, int64_t cols, int64_t r0, int64_t r1, int64_t nvec,
                     const int8_t *const *q, const float *const *d, const float *const *s, float *const *y, int path,
                     int allow_vnni) {
    if (type != CK_Q4_1 || r0 % 8 != 0 || r1 % 8 != 0 || cols % 32 != 0) return;
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) {
        if (allow_vnni && ck_cpu_has_avx512_vnni())
            matmul_x8_q8_vnni((const uint8_t *)w, cols, r0, r1, nvec, q, d, s, y);
        else
            matmul_x8_q8_avx2((const uint8_t *)w, cols, r0, r1, nvec, q, d, s, y);
        return;
    }
#endif
    (void)path;
    (void)allow_vnni;
    matmul_x8_q8_portable((const uint8_t *)w, cols, r0, r1, nvec, q, d, s, y);
}
