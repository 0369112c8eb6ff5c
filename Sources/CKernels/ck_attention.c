// Causal attention of one query head over cached positions given as segments (a shared prompt prefix, then the
// sequence's own rows): scores = q·k · scale, softmax in fp32 (max-subtracted, expf), out = Σ p · v.
// The AVX2 path keeps a head of up to 128 floats of output in registers across positions.
#include "ckernels.h"
#include "ck_internal.h"
#include <math.h>

static void attend_portable(const float *q, int64_t nseg, const float *const *keys, const float *const *values,
                            const int64_t *counts, int64_t positions, int64_t offset, int64_t stride, int64_t hd, float scale, float *scores, float *out) {
    int64_t n = 0;
    float maximum = -INFINITY;
    for (int64_t s = 0; s < nseg; s++)
        for (int64_t r = 0; r < counts[s] && n < positions; r++, n++) {
            scores[n] = ck_portable_dot_f32(q, keys[s] + offset + r * stride, hd) * scale;
            if (scores[n] > maximum) maximum = scores[n];
        }
    float total = 0;
    for (int64_t i = 0; i < n; i++) { scores[i] = expf(scores[i] - maximum); total += scores[i]; }
    const float inverse = 1 / total;
    for (int64_t i = 0; i < hd; i++) out[i] = 0;
    n = 0;
    for (int64_t s = 0; s < nseg; s++)
        for (int64_t r = 0; r < counts[s] && n < positions; r++, n++) ck_portable_axpy(scores[n] * inverse, values[s] + offset + r * stride, out, hd);
}

#ifdef CK_HAVE_X86
#include <immintrin.h>
#define CK_AVX2 __attribute__((target("avx2,fma,f16c")))

CK_AVX2 static void attend_avx2(const float *q, int64_t nseg, const float *const *keys, const float *const *values,
                                const int64_t *counts, int64_t positions, int64_t offset, int64_t stride, int64_t hd, float scale, float *scores,
                                float *out) {
    int64_t n = 0;
    float maximum = -INFINITY;
    for (int64_t s = 0; s < nseg; s++)
        for (int64_t r = 0; r < counts[s] && n < positions; r++, n++) {
            scores[n] = ck_avx2_dot_f32(q, keys[s] + offset + r * stride, hd) * scale;
            if (scores[n] > maximum) maximum = scores[n];
        }
    float total = 0;
    for (int64_t i = 0; i < n; i++) { scores[i] = expf(scores[i] - maximum); total += scores[i]; }
    const float inverse = 1 / total;
    __m256 acc[16];
    const int64_t lanes = hd / 8;
    for (int64_t l = 0; l < lanes; l++) acc[l] = _mm256_setzero_ps();
    n = 0;
    for (int64_t s = 0; s < nseg; s++)
        for (int64_t r = 0; r < counts[s] && n < positions; r++, n++) {
            const __m256 p = _mm256_set1_ps(scores[n] * inverse);
            const float *v = values[s] + offset + r * stride;
            for (int64_t l = 0; l < lanes; l++) acc[l] = _mm256_fmadd_ps(p, _mm256_loadu_ps(v + 8 * l), acc[l]);
        }
    for (int64_t l = 0; l < lanes; l++) _mm256_storeu_ps(out + 8 * l, acc[l]);
}
#endif

void ck_attend_head(const float *q, int64_t nseg, const float *const *keys, const float *const *values,
                    const int64_t *counts, int64_t positions, int64_t offset, int64_t stride, int64_t head_dim, float scale, float *scores, float *out,
                    int path) {
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && head_dim % 8 == 0 && head_dim <= 128 && ck_cpu_has_avx2_fma_f16c()) {
        attend_avx2(q, nseg, keys, values, counts, positions, offset, stride, head_dim, scale, scores, out);
        return;
    }
#endif
    (void)path;
    attend_portable(q, nseg, keys, values, counts, positions, offset, stride, head_dim, scale, scores, out);
}
