// Row-interleaved ("x8") layout for Q4_1 and Q8_0 matrices, and the generation kernels that read it.
//
// The GGUF layout stores each row's blocks one after another, so a kernel working on 8 rows at once reads 8 streams
// a row apart, which defeats the hardware prefetcher (../shared/research/decode-speed.md §4.4). The x8 layout keeps
// every group of 8 rows in the same bytes it had (group g = rows 8g…8g+7 occupies bytes [8g·rowBytes, 8(g+1)·rowBytes))
// but orders them block by block, so the 8 rows are read as one stream, with lane r of every 32-byte vector
// belonging to row r ("lane per row"). Sizes are unchanged (Q4_1 160 = 8 × 20 bytes, Q8_0 272 = 8 × 34 bytes per
// group block), so a tensor can be interleaved in place and restored exactly.
//
// Activations are int16 blocks (ck_q16.c). The kernels multiply pairs of int16 (vpmaddwd), so each block of the
// activation is also kept in "pair order": pair k (0…15) holds the elements first(k) and first(k) + 2 with
//   first(k) = 4·(k/4) + 16·(k mod 2) + (k mod 4)/2,
// which is the order in which the x8 weights unpack (see pack_q4_1 / pack_q8_0). Every integer block sum is exact,
// and the fp32 operations per row are the ones the row-major 8-row kernel does (acc = fma(Σ, w_d·x_d, acc),
// mins = fma(w_m, x_s, mins), result acc + mins), so results are bit-identical to ck_matmul_q16 on the GGUF layout.
#include "ckernels.h"
#include "ck_internal.h"
#include <stdlib.h>

int ck_x8_supports(uint32_t type) { return type == CK_Q4_1 || type == CK_Q8_0; }

static inline int pair_first(int k) { return 4 * (k >> 2) + ((k & 1) ? 16 : 0) + ((k & 3) >> 1); }

void ck_q16_pairs(const int16_t *q, int64_t n, int16_t *pairs) {
    for (int64_t b = 0; b < n / 32; b++) {
        const int16_t *qb = q + 32 * b;
        int16_t *pb = pairs + 32 * b;
        for (int k = 0; k < 16; k++) {
            pb[2 * k] = qb[pair_first(k)];
            pb[2 * k + 1] = qb[pair_first(k) + 2];
        }
    }
}

// MARK: layout

/// Offset, within a Q8_0 group block's 256 quant bytes, of row 0's element e (row r adds 4r): vector c holds, in
/// lane r, row r's elements first(2c), first(2c + 1), first(2c) + 2, first(2c + 1) + 2. Checked against pair_first
/// by the Numerics tests (every layout is restored exactly).
static const uint8_t q8_0_position[32] = {0,   32,  2,   34,  64,  96,  66,  98,  128, 160, 130,
                                          162, 192, 224, 194, 226, 1,   33,  3,   35,  65,  97,
                                          67,  99,  129, 161, 131, 163, 193, 225, 195, 227};

/// Writes group block `b` of the 8 row-major rows at `rows` (row_bytes apart) into `out` (x8 order).
static void pack_block(uint32_t type, const uint8_t *rows, int64_t row_bytes, int64_t b, uint8_t *out) {
    for (int r = 0; r < 8; r++) {
        if (type == CK_Q4_1) {
            const uint8_t *src = rows + r * row_bytes + 20 * b;
            memcpy(out + 2 * r, src, 2);       // d
            memcpy(out + 16 + 2 * r, src + 2, 2);  // m
            for (int j = 0; j < 16; j++) out[32 + 32 * (j / 4) + 4 * r + (j % 4)] = src[4 + j];
        } else {
            const uint8_t *src = rows + r * row_bytes + 34 * b;
            memcpy(out + 2 * r, src, 2);
            for (int e = 0; e < 32; e++) out[16 + 4 * r + q8_0_position[e]] = src[2 + e];
        }
    }
}

/// Row r (0…7) of group block `in`, written back in its GGUF block form at `out`.
static void unpack_block(uint32_t type, const uint8_t *in, int r, uint8_t *out) {
    if (type == CK_Q4_1) {
        memcpy(out, in + 2 * r, 2);
        memcpy(out + 2, in + 16 + 2 * r, 2);
        for (int c = 0; c < 4; c++) memcpy(out + 4 + 4 * c, in + 32 + 32 * c + 4 * r, 4);
    } else {
        memcpy(out, in + 2 * r, 2);
        for (int e = 0; e < 32; e++) out[2 + e] = in[16 + 4 * r + q8_0_position[e]];
    }
}

int ck_x8_pack(uint32_t type, void *data, int64_t rows, int64_t cols) {
    if (!ck_x8_supports(type) || rows % 8 != 0 || cols % 32 != 0) return 0;
    const int64_t block_bytes = type == CK_Q4_1 ? 20 : 34, blocks = cols / 32, row_bytes = blocks * block_bytes;
    uint8_t *copy = malloc((size_t)(8 * row_bytes));
    if (!copy) return 0;
    for (int64_t g = 0; g < rows / 8; g++) {
        uint8_t *group = (uint8_t *)data + g * 8 * row_bytes;
        memcpy(copy, group, (size_t)(8 * row_bytes));
        for (int64_t b = 0; b < blocks; b++) pack_block(type, copy, row_bytes, b, group + 8 * block_bytes * b);
    }
    free(copy);
    return 1;
}

void ck_x8_unpack_row(uint32_t type, const void *data, int64_t cols, int64_t r, void *row) {
    const int64_t block_bytes = type == CK_Q4_1 ? 20 : 34, blocks = cols / 32, row_bytes = blocks * block_bytes;
    const uint8_t *group = (const uint8_t *)data + (r / 8) * 8 * row_bytes;
    for (int64_t b = 0; b < blocks; b++)
        unpack_block(type, group + 8 * block_bytes * b, (int)(r % 8), (uint8_t *)row + block_bytes * b);
}

// MARK: portable

/// Each row restored to its GGUF form, then through the portable int16 kernel.
static void matmul_x8_portable(uint32_t type, const uint8_t *w, int64_t cols, int64_t r0, int64_t r1, int64_t nvec,
                               const int16_t *const *q, const float *const *d, const float *const *s, float *const *y) {
    const int64_t row_bytes = (cols / 32) * (type == CK_Q4_1 ? 20 : 34);
    uint8_t *row = malloc((size_t)row_bytes);
    if (!row) return;
    for (int64_t r = r0; r < r1; r++) {
        ck_x8_unpack_row(type, w, cols, r, row);
        for (int64_t v = 0; v < nvec; v++) {
            float *const target = y[v] + r;  // the restored row is row 0 of a one-row matrix
            ck_matmul_q16(type, row, row_bytes, cols, 0, 1, 1, q + v, d + v, s + v, &target, CK_PATH_PORTABLE);
        }
    }
    free(row);
}

// MARK: AVX2

#ifdef CK_HAVE_X86
#include "ck_avx2_inline.h"

#define CK_VNNI __attribute__((target("avx512vnni,avx512vl,avx2,fma,f16c")))

/// acc + Σ pairs of (w · x) per 32-bit lane: vpmaddwd + vpaddd on AVX2, one vpdpwssd with AVX-512 VNNI.
#define MADD_AVX2(acc, w, x) _mm256_add_epi32((acc), _mm256_madd_epi16((w), (x)))
#define MADD_VNNI(acc, w, x) _mm256_dpwssd_epi32((acc), (w), (x))

/// Rows 8g…8g+7 of a Q4_1 x8 matrix (`group` = its first group block) against one activation in pair order
/// (`pairs`, read 4 bytes at a time): lane r of the result is row r. Defined once per instruction set.
#define GEMV8_Q4_1(NAME, TARGET, MADD)                                                                              \
    TARGET static inline __m256 NAME(const uint8_t *group, int64_t blocks, const int16_t *pairs, const float *d,     \
                                     const float *s) {                                                              \
        const __m256i low4 = _mm256_set1_epi16(0x000F);                                                             \
        __m256 acc = _mm256_setzero_ps(), mins = _mm256_setzero_ps();                                               \
        for (int64_t b = 0; b < blocks; b++, group += 160, pairs += 32) {                                           \
            int32_t x[16];                                                                                          \
            memcpy(x, pairs, 64);                                                                                   \
            __m256i s0 = _mm256_setzero_si256(), s1 = s0, s2 = s0, s3 = s0;                                         \
            for (int c = 0; c < 4; c++) {                                                                           \
                const __m256i v = _mm256_loadu_si256((const __m256i *)(group + 32 + 32 * c));                       \
                s0 = MADD(s0, _mm256_and_si256(v, low4), _mm256_set1_epi32(x[4 * c]));                              \
                s1 = MADD(s1, _mm256_and_si256(_mm256_srli_epi16(v, 4), low4), _mm256_set1_epi32(x[4 * c + 1]));    \
                s2 = MADD(s2, _mm256_and_si256(_mm256_srli_epi16(v, 8), low4), _mm256_set1_epi32(x[4 * c + 2]));    \
                s3 = MADD(s3, _mm256_srli_epi16(v, 12), _mm256_set1_epi32(x[4 * c + 3]));                           \
            }                                                                                                       \
            s0 = _mm256_add_epi32(s0, s2);                                                                          \
            s1 = _mm256_add_epi32(s1, s3);                                                                          \
            const __m256 scales = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)group));                         \
            const __m256 minimums = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(group + 16)));                \
            acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(s0, s1)),                                     \
                                  _mm256_mul_ps(scales, _mm256_set1_ps(d[b])), acc);                                \
            mins = _mm256_fmadd_ps(minimums, _mm256_set1_ps(s[b]), mins);                                           \
        }                                                                                                           \
        return _mm256_add_ps(acc, mins);                                                                            \
    }

/// The Q8_0 counterpart (signed bytes, no minimum).
#define GEMV8_Q8_0(NAME, TARGET, MADD)                                                                              \
    TARGET static inline __m256 NAME(const uint8_t *group, int64_t blocks, const int16_t *pairs, const float *d) {   \
        __m256 acc = _mm256_setzero_ps();                                                                           \
        for (int64_t b = 0; b < blocks; b++, group += 272, pairs += 32) {                                           \
            int32_t x[16];                                                                                          \
            memcpy(x, pairs, 64);                                                                                   \
            __m256i s0 = _mm256_setzero_si256(), s1 = s0, s2 = s0, s3 = s0;                                         \
            for (int c = 0; c < 8; c += 2) {                                                                        \
                const __m256i v = _mm256_loadu_si256((const __m256i *)(group + 16 + 32 * c));                       \
                const __m256i u = _mm256_loadu_si256((const __m256i *)(group + 48 + 32 * c));                       \
                s0 = MADD(s0, _mm256_srai_epi16(_mm256_slli_epi16(v, 8), 8), _mm256_set1_epi32(x[2 * c]));          \
                s1 = MADD(s1, _mm256_srai_epi16(v, 8), _mm256_set1_epi32(x[2 * c + 1]));                            \
                s2 = MADD(s2, _mm256_srai_epi16(_mm256_slli_epi16(u, 8), 8), _mm256_set1_epi32(x[2 * c + 2]));      \
                s3 = MADD(s3, _mm256_srai_epi16(u, 8), _mm256_set1_epi32(x[2 * c + 3]));                            \
            }                                                                                                       \
            s0 = _mm256_add_epi32(s0, s2);                                                                          \
            s1 = _mm256_add_epi32(s1, s3);                                                                          \
            const __m256 scales = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)group));                         \
            acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(s0, s1)),                                     \
                                  _mm256_mul_ps(scales, _mm256_set1_ps(d[b])), acc);                                \
        }                                                                                                           \
        return acc;                                                                                                 \
    }

/// Two vectors at once (A and B): each weight vector is unpacked once for both; every vector gets exactly the
/// operations, in the same order, that the one-vector kernel gives it, so results stay bit-identical.
#define GEMV8X2_Q4_1(NAME, TARGET, MADD)                                                                            \
    TARGET static inline void NAME(const uint8_t *group, int64_t blocks, const int16_t *pa, const int16_t *pb,       \
                                   const float *da, const float *sa, const float *db, const float *sb, float *ya,    \
                                   float *yb) {                                                                     \
        const __m256i low4 = _mm256_set1_epi16(0x000F);                                                             \
        __m256 acc_a = _mm256_setzero_ps(), mins_a = _mm256_setzero_ps();                                           \
        __m256 acc_b = _mm256_setzero_ps(), mins_b = _mm256_setzero_ps();                                           \
        for (int64_t b = 0; b < blocks; b++, group += 160, pa += 32, pb += 32) {                                    \
            int32_t xa[16], xb[16];                                                                                 \
            memcpy(xa, pa, 64);                                                                                     \
            memcpy(xb, pb, 64);                                                                                     \
            __m256i s0a = _mm256_setzero_si256(), s1a = s0a, s2a = s0a, s3a = s0a;                                  \
            __m256i s0b = s0a, s1b = s0a, s2b = s0a, s3b = s0a;                                                     \
            for (int c = 0; c < 4; c++) {                                                                           \
                const __m256i v = _mm256_loadu_si256((const __m256i *)(group + 32 + 32 * c));                       \
                const __m256i w0 = _mm256_and_si256(v, low4), w1 = _mm256_and_si256(_mm256_srli_epi16(v, 4), low4); \
                const __m256i w2 = _mm256_and_si256(_mm256_srli_epi16(v, 8), low4), w3 = _mm256_srli_epi16(v, 12);  \
                s0a = MADD(s0a, w0, _mm256_set1_epi32(xa[4 * c]));                                                  \
                s0b = MADD(s0b, w0, _mm256_set1_epi32(xb[4 * c]));                                                  \
                s1a = MADD(s1a, w1, _mm256_set1_epi32(xa[4 * c + 1]));                                              \
                s1b = MADD(s1b, w1, _mm256_set1_epi32(xb[4 * c + 1]));                                              \
                s2a = MADD(s2a, w2, _mm256_set1_epi32(xa[4 * c + 2]));                                              \
                s2b = MADD(s2b, w2, _mm256_set1_epi32(xb[4 * c + 2]));                                              \
                s3a = MADD(s3a, w3, _mm256_set1_epi32(xa[4 * c + 3]));                                              \
                s3b = MADD(s3b, w3, _mm256_set1_epi32(xb[4 * c + 3]));                                              \
            }                                                                                                       \
            s0a = _mm256_add_epi32(s0a, s2a);                                                                       \
            s1a = _mm256_add_epi32(s1a, s3a);                                                                       \
            s0b = _mm256_add_epi32(s0b, s2b);                                                                       \
            s1b = _mm256_add_epi32(s1b, s3b);                                                                       \
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

#define GEMV8X2_Q8_0(NAME, TARGET, MADD)                                                                            \
    TARGET static inline void NAME(const uint8_t *group, int64_t blocks, const int16_t *pa, const int16_t *pb,       \
                                   const float *da, const float *db, float *ya, float *yb) {                        \
        __m256 acc_a = _mm256_setzero_ps(), acc_b = _mm256_setzero_ps();                                            \
        for (int64_t b = 0; b < blocks; b++, group += 272, pa += 32, pb += 32) {                                    \
            int32_t xa[16], xb[16];                                                                                 \
            memcpy(xa, pa, 64);                                                                                     \
            memcpy(xb, pb, 64);                                                                                     \
            __m256i s0a = _mm256_setzero_si256(), s1a = s0a, s2a = s0a, s3a = s0a;                                  \
            __m256i s0b = s0a, s1b = s0a, s2b = s0a, s3b = s0a;                                                     \
            for (int c = 0; c < 8; c += 2) {                                                                        \
                const __m256i v = _mm256_loadu_si256((const __m256i *)(group + 16 + 32 * c));                       \
                const __m256i u = _mm256_loadu_si256((const __m256i *)(group + 48 + 32 * c));                       \
                const __m256i low = _mm256_srai_epi16(_mm256_slli_epi16(v, 8), 8), high = _mm256_srai_epi16(v, 8);  \
                const __m256i low2 = _mm256_srai_epi16(_mm256_slli_epi16(u, 8), 8), high2 = _mm256_srai_epi16(u, 8); \
                s0a = MADD(s0a, low, _mm256_set1_epi32(xa[2 * c]));                                                 \
                s0b = MADD(s0b, low, _mm256_set1_epi32(xb[2 * c]));                                                 \
                s1a = MADD(s1a, high, _mm256_set1_epi32(xa[2 * c + 1]));                                            \
                s1b = MADD(s1b, high, _mm256_set1_epi32(xb[2 * c + 1]));                                            \
                s2a = MADD(s2a, low2, _mm256_set1_epi32(xa[2 * c + 2]));                                            \
                s2b = MADD(s2b, low2, _mm256_set1_epi32(xb[2 * c + 2]));                                            \
                s3a = MADD(s3a, high2, _mm256_set1_epi32(xa[2 * c + 3]));                                           \
                s3b = MADD(s3b, high2, _mm256_set1_epi32(xb[2 * c + 3]));                                           \
            }                                                                                                       \
            s0a = _mm256_add_epi32(s0a, s2a);                                                                       \
            s1a = _mm256_add_epi32(s1a, s3a);                                                                       \
            s0b = _mm256_add_epi32(s0b, s2b);                                                                       \
            s1b = _mm256_add_epi32(s1b, s3b);                                                                       \
            const __m256 scales = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)group));                         \
            acc_a = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(s0a, s1a)),                                 \
                                    _mm256_mul_ps(scales, _mm256_set1_ps(da[b])), acc_a);                           \
            acc_b = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(s0b, s1b)),                                 \
                                    _mm256_mul_ps(scales, _mm256_set1_ps(db[b])), acc_b);                           \
        }                                                                                                           \
        _mm256_storeu_ps(ya, acc_a);                                                                                \
        _mm256_storeu_ps(yb, acc_b);                                                                                \
    }

/// Every group of rows r0…r1 (multiples of 8) for the vectors two at a time, then the last one alone; a group (8
/// rows, ≤ 8 KiB for 1,536 columns) stays in L1 while the later vectors read it.
#define MATMUL_X8(NAME, TARGET, Q4_1, Q8_0, Q4_1X2, Q8_0X2)                                                         \
    TARGET static void NAME(uint32_t type, const uint8_t *w, int64_t cols, int64_t r0, int64_t r1, int64_t nvec,     \
                            const int16_t *const *pairs, const float *const *d, const float *const *s,              \
                            float *const *y) {                                                                      \
        const int64_t blocks = cols / 32, row_bytes = blocks * (type == CK_Q4_1 ? 20 : 34);                         \
        for (int64_t r = r0; r < r1; r += 8) {                                                                      \
            const uint8_t *group = w + r * row_bytes;                                                               \
            int64_t v = 0;                                                                                          \
            for (; v + 2 <= nvec; v += 2) {                                                                         \
                if (type == CK_Q4_1)                                                                                \
                    Q4_1X2(group, blocks, pairs[v], pairs[v + 1], d[v], s[v], d[v + 1], s[v + 1], y[v] + r,          \
                           y[v + 1] + r);                                                                           \
                else                                                                                                \
                    Q8_0X2(group, blocks, pairs[v], pairs[v + 1], d[v], d[v + 1], y[v] + r, y[v + 1] + r);          \
            }                                                                                                       \
            if (v < nvec) {                                                                                         \
                const __m256 out = type == CK_Q4_1 ? Q4_1(group, blocks, pairs[v], d[v], s[v])                      \
                                                   : Q8_0(group, blocks, pairs[v], d[v]);                           \
                _mm256_storeu_ps(y[v] + r, out);                                                                    \
            }                                                                                                       \
        }                                                                                                           \
    }

GEMV8_Q4_1(gemv8_q4_1_avx2, CK_AVX2, MADD_AVX2)
GEMV8_Q8_0(gemv8_q8_0_avx2, CK_AVX2, MADD_AVX2)
GEMV8X2_Q4_1(gemv8x2_q4_1_avx2, CK_AVX2, MADD_AVX2)
GEMV8X2_Q8_0(gemv8x2_q8_0_avx2, CK_AVX2, MADD_AVX2)
MATMUL_X8(matmul_x8_avx2, CK_AVX2, gemv8_q4_1_avx2, gemv8_q8_0_avx2, gemv8x2_q4_1_avx2, gemv8x2_q8_0_avx2)
GEMV8_Q4_1(gemv8_q4_1_vnni, CK_VNNI, MADD_VNNI)
GEMV8_Q8_0(gemv8_q8_0_vnni, CK_VNNI, MADD_VNNI)
GEMV8X2_Q4_1(gemv8x2_q4_1_vnni, CK_VNNI, MADD_VNNI)
GEMV8X2_Q8_0(gemv8x2_q8_0_vnni, CK_VNNI, MADD_VNNI)
MATMUL_X8(matmul_x8_vnni, CK_VNNI, gemv8_q4_1_vnni, gemv8_q8_0_vnni, gemv8x2_q4_1_vnni, gemv8x2_q8_0_vnni)

#endif

// MARK: dispatch

void ck_x8_matmul_q16(uint32_t type, const void *w, int64_t cols, int64_t r0, int64_t r1, int64_t nvec,
                      const int16_t *const *q, const int16_t *const *pairs, const float *const *d,
                      const float *const *s, float *const *y, int path, int allow_vnni) {
    if (!ck_x8_supports(type) || r0 % 8 != 0 || r1 % 8 != 0) return;
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) {
        if (allow_vnni && ck_cpu_has_avx512_vnni())
            matmul_x8_vnni(type, (const uint8_t *)w, cols, r0, r1, nvec, pairs, d, s, y);
        else
            matmul_x8_avx2(type, (const uint8_t *)w, cols, r0, r1, nvec, pairs, d, s, y);
        return;
    }
#endif
    (void)path;
    (void)pairs;
    matmul_x8_portable(type, (const uint8_t *)w, cols, r0, r1, nvec, q, d, s, y);
}
