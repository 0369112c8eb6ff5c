// Path selection: AVX2+FMA+F16C when the CPU has them (checked at run time), portable C otherwise.
#include "ckernels.h"
#include "ck_internal.h"

#ifdef CK_HAVE_X86
/// Checked once (kernels ask on every call: attention alone makes ~10^5 calls per token).
int ck_cpu_has_avx2_fma_f16c(void) {
    static int cached = -1;  // benign race: every thread computes the same value
    int value = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (value < 0) {
        __builtin_cpu_init();
        value = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
        __atomic_store_n(&cached, value, __ATOMIC_RELAXED);
    }
    return value;
}

int ck_cpu_has_avx512_vnni(void) {
    static int cached = -1;  // benign race, as above
    int value = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (value < 0) {
        __builtin_cpu_init();
        value = ck_cpu_has_avx2_fma_f16c() && __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512vl");
        __atomic_store_n(&cached, value, __ATOMIC_RELAXED);
    }
    return value;
}
#endif

int ck_best_path(void) {
#ifdef CK_HAVE_X86
    return ck_cpu_has_avx2_fma_f16c() ? CK_PATH_AVX2 : CK_PATH_PORTABLE;
#else
    return CK_PATH_PORTABLE;
#endif
}

/// Downgrades a requested path to one this CPU can run.
static int usable(int path) {
#ifdef CK_HAVE_X86
    if (path == CK_PATH_AVX2 && ck_cpu_has_avx2_fma_f16c()) return CK_PATH_AVX2;
#endif
    (void)path;
    return CK_PATH_PORTABLE;
}

float ck_dot(uint32_t type, const void *row, const float *x, int64_t n, int path) {
#ifdef CK_HAVE_X86
    if (usable(path) == CK_PATH_AVX2) return ck_avx2_dot(type, row, x, n);
#endif
    (void)path;
    return ck_portable_dot(type, row, x, n);
}

void ck_dequantize(uint32_t type, const void *src, float *dst, int64_t n, int path) {
#ifdef CK_HAVE_X86
    if (usable(path) == CK_PATH_AVX2) { ck_avx2_dequantize(type, src, dst, n); return; }
#endif
    (void)path;
    ck_portable_dequantize(type, src, dst, n);
}

void ck_matvec(uint32_t type, const void *w, int64_t row_bytes, int64_t cols, int64_t row_begin, int64_t row_end,
               const float *x, float *y, int path) {
    const uint8_t *base = (const uint8_t *)w;
    float (*dot)(uint32_t, const void *, const float *, int64_t) = ck_portable_dot;
#ifdef CK_HAVE_X86
    if (usable(path) == CK_PATH_AVX2) {
        if (type == CK_Q4_1) { ck_avx2_matvec_q4_1(base, row_bytes, cols, row_begin, row_end, x, y); return; }
        dot = ck_avx2_dot;
    }
#endif
    (void)path;
    for (int64_t r = row_begin; r < row_end; r++) y[r] = dot(type, base + r * row_bytes, x, cols);
}

float ck_dot_f32(const float *a, const float *b, int64_t n, int path) {
#ifdef CK_HAVE_X86
    if (usable(path) == CK_PATH_AVX2) return ck_avx2_dot_f32(a, b, n);
#endif
    (void)path;
    return ck_portable_dot_f32(a, b, n);
}

void ck_axpy(float alpha, const float *x, float *y, int64_t n, int path) {
#ifdef CK_HAVE_X86
    if (usable(path) == CK_PATH_AVX2) { ck_avx2_axpy(alpha, x, y, n); return; }
#endif
    (void)path;
    ck_portable_axpy(alpha, x, y, n);
}
