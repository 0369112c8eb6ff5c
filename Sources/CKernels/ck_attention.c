// Causal attention of one query head over cached positions given as segments (a shared prompt prefix, then the
// sequence's own rows): scores = q·k · scale, softmax in fp32 (max-subtracted, expf), out = Σ p · v.
// The AVX2 path keeps a head of up to 128 floats of output in registers across positions.
#include "ckernels.h"
#include "ck_internal.h"
#include <math.h>

/// The rows one head reads: the first `positions` rows of the segments, the head's slice `offset` floats in.
typedef struct {
    int64_t nseg;
    const float *const *keys;
    const float *const *values;
    const int64_t *counts;
    int64_t positions, offset, stride, hd;
} rows_t;

#define FOR_EACH_ROW(rows, n, s, r) \
    for (int64_t s = 0, n = 0; s < (rows)->nseg; s++) \
        for (int64_t r = 0; r < (rows)->counts[s] && n < (rows)->positions; r++, n++)

/// Defines NAME(rows, q, scale, scores): fills scores[n] with softmax weights (unnormalised) and returns 1 / their
/// sum, with DOT(a, b, n) the path's fp32 dot (inlined, not called through a pointer, once per cached position).
#define SOFTMAX_SCORES(NAME, TARGET, DOT)                                                                          \
    TARGET static float NAME(const rows_t *rows, const float *q, float scale, float *scores) {                     \
        float maximum = -INFINITY;                                                                                 \
        int64_t count = 0;                                                                                         \
        FOR_EACH_ROW(rows, n, s, r) {                                                                              \
            scores[n] = DOT(q, rows->keys[s] + rows->offset + r * rows->stride, rows->hd) * scale;                 \
            if (scores[n] > maximum) maximum = scores[n];                                                          \
            count = n + 1;                                                                                         \
        }                                                                                                          \
        float total = 0;                                                                                           \
        for (int64_t i = 0; i < count; i++) { scores[i] = expf(scores[i] - maximum); total += scores[i]; }         \
        return 1 / total;                                                                                          \
    }

SOFTMAX_SCORES(softmax_scores_portable, , ck_portable_dot_f32)

static void attend_portable(const rows_t *rows, const float *q, float scale, float *scores, float *out) {
    const float inverse = softmax_scores_portable(rows, q, scale, scores);
    for (int64_t i = 0; i < rows->hd; i++) out[i] = 0;
    FOR_EACH_ROW(rows, n, s, r)
        ck_portable_axpy(scores[n] * inverse, rows->values[s] + rows->offset + r * rows->stride, out, rows->hd);
}

#ifdef CK_HAVE_X86
#include "ck_avx2_inline.h"

SOFTMAX_SCORES(softmax_scores_avx2, CK_AVX2, ck_avx2_dot_f32_inline)

CK_AVX2 static void attend_avx2(const rows_t *rows, const float *q, float scale, float *scores, float *out) {
    const float inverse = softmax_scores_avx2(rows, q, scale, scores);
    if (rows->hd == 64) {
        // The common head size with its 8 accumulators in registers (an array indexed by a run-time lane count
        // lives on the stack, and every FMA then waits for a store and a load): the same operations, in order.
        __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        FOR_EACH_ROW(rows, n, s, r) {
            const __m256 p = _mm256_set1_ps(scores[n] * inverse);
            const float *v = rows->values[s] + rows->offset + r * rows->stride;
            a0 = _mm256_fmadd_ps(p, _mm256_loadu_ps(v), a0);
            a1 = _mm256_fmadd_ps(p, _mm256_loadu_ps(v + 8), a1);
            a2 = _mm256_fmadd_ps(p, _mm256_loadu_ps(v + 16), a2);
            a3 = _mm256_fmadd_ps(p, _mm256_loadu_ps(v + 24), a3);
            a4 = _mm256_fmadd_ps(p, _mm256_loadu_ps(v + 32), a4);
            a5 = _mm256_fmadd_ps(p, _mm256_loadu_ps(v + 40), a5);
            a6 = _mm256_fmadd_ps(p, _mm256_loadu_ps(v + 48), a6);
            a7 = _mm256_fmadd_ps(p, _mm256_loadu_ps(v + 56), a7);
        }
        _mm256_storeu_ps(out, a0);
        _mm256_storeu_ps(out + 8, a1);
        _mm256_storeu_ps(out + 16, a2);
        _mm256_storeu_ps(out + 24, a3);
        _mm256_storeu_ps(out + 32, a4);
        _mm256_storeu_ps(out + 40, a5);
        _mm256_storeu_ps(out + 48, a6);
        _mm256_storeu_ps(out + 56, a7);
        return;
    }
    __m256 acc[16];
    const int64_t lanes = rows->hd / 8;
    for (int64_t l = 0; l < lanes; l++) acc[l] = _mm256_setzero_ps();
    FOR_EACH_ROW(rows, n, s, r) {
        const __m256 p = _mm256_set1_ps(scores[n] * inverse);
        const float *v = rows->values[s] + rows->offset + r * rows->stride;
        for (int64_t l = 0; l < lanes; l++) acc[l] = _mm256_fmadd_ps(p, _mm256_loadu_ps(v + 8 * l), acc[l]);
    }
    for (int64_t l = 0; l < lanes; l++) _mm256_storeu_ps(out + 8 * l, acc[l]);
}
#endif

void ck_attend_head(const float *q, int64_t nseg, const float *const *keys, const float *const *values,
                    const int64_t *counts, int64_t positions, int64_t offset, int64_t stride, int64_t head_dim,
                    float scale, float *scores, float *out, int path) {
    const rows_t rows = {nseg, keys, values, counts, positions, offset, stride, head_dim};
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && head_dim % 8 == 0 && head_dim <= 128 && ck_cpu_has_avx2_fma_f16c()) {
        attend_avx2(&rows, q, scale, scores, out);
        return;
    }
#endif
    (void)path;
    attend_portable(&rows, q, scale, scores, out);
}
