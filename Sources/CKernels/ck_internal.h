// Private helpers shared by the CKernels implementation files.
#ifndef RECKON_CK_INTERNAL_H
#define RECKON_CK_INTERNAL_H

#include <stdint.h>
#include <string.h>

enum {
    CK_F32 = 0, CK_F16 = 1, CK_Q4_0 = 2, CK_Q4_1 = 3, CK_Q8_0 = 8, CK_Q4_K = 12, CK_Q6_K = 14, CK_BF16 = 30, CK_MXFP4 = 39
};

static inline uint16_t ck_load_u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }

static inline float ck_bits_to_f32(uint32_t bits) { float f; memcpy(&f, &bits, 4); return f; }

/// Exact IEEE fp16 -> fp32.
static inline float ck_half_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16;
    uint32_t exponent = (h >> 10) & 0x1F;
    uint32_t mantissa = h & 0x3FF;
    if (exponent == 0) {
        float magnitude = (float)mantissa * 0x1p-24f;
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 0x1F) return ck_bits_to_f32(sign | 0x7F800000u | (mantissa << 13));
    return ck_bits_to_f32(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

static inline float ck_bf16_to_float(uint16_t h) { return ck_bits_to_f32((uint32_t)h << 16); }

/// max |x[i]| over the 32 floats of a quantisation block.
static inline float ck_block_amax(const float *xb) {
    float amax = 0;
    for (int i = 0; i < 32; i++) {
        const float a = xb[i] < 0 ? -xb[i] : xb[i];
        if (a > amax) amax = a;
    }
    return amax;
}

// Portable building blocks (ck_portable.c).
void ck_portable_dequantize(uint32_t type, const void *src, float *dst, int64_t n);
float ck_portable_dot(uint32_t type, const void *row, const float *x, int64_t n);
float ck_portable_dot_f32(const float *a, const float *b, int64_t n);
void ck_portable_axpy(float alpha, const float *x, float *y, int64_t n);
int ck_block_size(uint32_t type);
int ck_block_bytes(uint32_t type);

#if defined(__x86_64__) || defined(__i386__)
#define CK_HAVE_X86 1
int ck_cpu_has_avx2_fma_f16c(void);
/// AVX-512 VNNI with 256-bit (VL) forms, on top of AVX2+FMA+F16C: vpdpwssd / vpdpbusd on ymm registers.
int ck_cpu_has_avx512_vnni(void);
void ck_avx2_dequantize(uint32_t type, const void *src, float *dst, int64_t n);
float ck_avx2_dot(uint32_t type, const void *row, const float *x, int64_t n);
float ck_avx2_dot_f32(const float *a, const float *b, int64_t n);
void ck_avx2_axpy(float alpha, const float *x, float *y, int64_t n);
void ck_avx2_matvec_q4_1(const uint8_t *w, int64_t row_bytes, int64_t cols, int64_t r0, int64_t r1,
                         const float *x, float *y);
#endif

#endif
