// Small fp32 matrix products for batched prefill: C[j*ldc + i] = Σ_k A[i*lda + k] · B[j*ldb + k]
// for i < m (rows of a dequantized weight tile) and j < n (tokens of the batch).
//
// The AVX2 version is register-blocked (4 rows × 2 tokens, 8 accumulators), so each loaded vector feeds two or four
// FMAs instead of one: the batched path is compute-bound, and this is what makes it faster than n matvecs.
#include "ckernels.h"
#include "ck_internal.h"

static void gemm_portable(const float *a, int64_t lda, int64_t m, const float *b, int64_t ldb, int64_t n, int64_t k,
                          float *c, int64_t ldc) {
    for (int64_t j = 0; j < n; j++)
        for (int64_t i = 0; i < m; i++) c[j * ldc + i] = ck_portable_dot_f32(a + i * lda, b + j * ldb, k);
}

#ifdef CK_HAVE_X86
#include <immintrin.h>
#define CK_AVX2 __attribute__((target("avx2,fma,f16c")))

CK_AVX2 static inline float hsum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

CK_AVX2 static void gemm_avx2(const float *a, int64_t lda, int64_t m, const float *b, int64_t ldb, int64_t n,
                              int64_t k, float *c, int64_t ldc) {
    const int64_t k8 = k & ~(int64_t)7;
    int64_t i = 0;
    for (; i + 4 <= m; i += 4) {
        const float *a0 = a + i * lda, *a1 = a0 + lda, *a2 = a1 + lda, *a3 = a2 + lda;
        int64_t j = 0;
        for (; j + 2 <= n; j += 2) {
            const float *b0 = b + j * ldb, *b1 = b0 + ldb;
            __m256 c00 = _mm256_setzero_ps(), c10 = c00, c20 = c00, c30 = c00;
            __m256 c01 = c00, c11 = c00, c21 = c00, c31 = c00;
            for (int64_t p = 0; p < k8; p += 8) {
                const __m256 x0 = _mm256_loadu_ps(b0 + p), x1 = _mm256_loadu_ps(b1 + p);
                __m256 w = _mm256_loadu_ps(a0 + p);
                c00 = _mm256_fmadd_ps(w, x0, c00); c01 = _mm256_fmadd_ps(w, x1, c01);
                w = _mm256_loadu_ps(a1 + p);
                c10 = _mm256_fmadd_ps(w, x0, c10); c11 = _mm256_fmadd_ps(w, x1, c11);
                w = _mm256_loadu_ps(a2 + p);
                c20 = _mm256_fmadd_ps(w, x0, c20); c21 = _mm256_fmadd_ps(w, x1, c21);
                w = _mm256_loadu_ps(a3 + p);
                c30 = _mm256_fmadd_ps(w, x0, c30); c31 = _mm256_fmadd_ps(w, x1, c31);
            }
            float r[8] = {hsum(c00), hsum(c10), hsum(c20), hsum(c30), hsum(c01), hsum(c11), hsum(c21), hsum(c31)};
            for (int64_t p = k8; p < k; p++) {
                r[0] += a0[p] * b0[p]; r[1] += a1[p] * b0[p]; r[2] += a2[p] * b0[p]; r[3] += a3[p] * b0[p];
                r[4] += a0[p] * b1[p]; r[5] += a1[p] * b1[p]; r[6] += a2[p] * b1[p]; r[7] += a3[p] * b1[p];
            }
            float *y0 = c + j * ldc + i, *y1 = y0 + ldc;
            y0[0] = r[0]; y0[1] = r[1]; y0[2] = r[2]; y0[3] = r[3];
            y1[0] = r[4]; y1[1] = r[5]; y1[2] = r[6]; y1[3] = r[7];
        }
        for (; j < n; j++)
            for (int64_t t = 0; t < 4; t++) c[j * ldc + i + t] = ck_avx2_dot_f32(a + (i + t) * lda, b + j * ldb, k);
    }
    for (; i < m; i++)
        for (int64_t j = 0; j < n; j++) c[j * ldc + i] = ck_avx2_dot_f32(a + i * lda, b + j * ldb, k);
}
#endif

void ck_gemm_f32(const float *a, int64_t lda, int64_t m, const float *b, int64_t ldb, int64_t n, int64_t k,
                 float *c, int64_t ldc, int path) {
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) { gemm_avx2(a, lda, m, b, ldb, n, k, c, ldc); return; }
#endif
    (void)path;
    gemm_portable(a, lda, m, b, ldb, n, k, c, ldc);
}
