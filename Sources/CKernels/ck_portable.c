// Portable scalar kernels: the fallback on CPUs without AVX2/FMA/F16C, and the block decoders the AVX2 path reuses
// for the less common types. Arithmetic and operation order follow ggml's dequantize_row_* (fp32).
#include "ck_internal.h"
#include <math.h>

int ck_block_size(uint32_t type) {
    switch (type) {
    case CK_F32: case CK_F16: case CK_BF16: return 1;
    case CK_Q4_0: case CK_Q4_1: case CK_Q8_0: case CK_MXFP4: return 32;
    case CK_Q4_K: case CK_Q6_K: return 256;
    default: return 0;
    }
}

int ck_block_bytes(uint32_t type) {
    switch (type) {
    case CK_F32: return 4;
    case CK_F16: case CK_BF16: return 2;
    case CK_Q4_0: return 18;
    case CK_Q4_1: return 20;
    case CK_Q8_0: return 34;
    case CK_MXFP4: return 17;
    case CK_Q4_K: return 144;
    case CK_Q6_K: return 210;
    default: return 0;
    }
}

static void q4k_scale_min(int j, const uint8_t *q, uint8_t *scale, uint8_t *minimum) {
    if (j < 4) {
        *scale = q[j] & 63;
        *minimum = q[j + 4] & 63;
    } else {
        *scale = (uint8_t)((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
        *minimum = (uint8_t)((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
    }
}

static void dequant_block_q4_k(const uint8_t *b, float *y) {
    const float d = ck_half_to_float(ck_load_u16(b));
    const float dmin = ck_half_to_float(ck_load_u16(b + 2));
    const uint8_t *scales = b + 4;
    const uint8_t *qs = b + 16;
    for (int c = 0; c < 4; c++) {
        uint8_t s1, m1, s2, m2;
        q4k_scale_min(2 * c, scales, &s1, &m1);
        q4k_scale_min(2 * c + 1, scales, &s2, &m2);
        const float d1 = d * s1, min1 = dmin * m1;
        const float d2 = d * s2, min2 = dmin * m2;
        for (int l = 0; l < 32; l++) {
            float lo = d1 * (float)(qs[32 * c + l] & 0xF);
            float hi = d2 * (float)(qs[32 * c + l] >> 4);
            y[64 * c + l] = lo - min1;
            y[64 * c + 32 + l] = hi - min2;
        }
    }
}

static void dequant_block_q6_k(const uint8_t *b, float *y) {
    const float d = ck_half_to_float(ck_load_u16(b + 208));
    for (int h = 0; h < 2; h++) {
        const uint8_t *ql = b + 64 * h;
        const uint8_t *qh = b + 128 + 32 * h;
        const int8_t *sc = (const int8_t *)(b + 192 + 8 * h);
        float *out = y + 128 * h;
        for (int l = 0; l < 32; l++) {
            int s = l / 16;
            int q1 = ((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
            int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
            int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
            int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
            float ds1 = d * sc[s + 0], ds2 = d * sc[s + 2], ds3 = d * sc[s + 4], ds4 = d * sc[s + 6];
            out[l] = ds1 * (float)q1;
            out[l + 32] = ds2 * (float)q2;
            out[l + 64] = ds3 * (float)q3;
            out[l + 96] = ds4 * (float)q4;
        }
    }
}

// ggml's kvalues_mxfp4: the E2M1 values doubled, paired with half the E8M0 scale.
static const float mxfp4_doubled[16] = {0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12};

// Half of the E8M0 scale 2^(e-127), i.e. 2^(e-128), as ggml's GGML_E8M0_TO_FP32_HALF (subnormal for e < 2).
static float e8m0_half(uint8_t e) {
    uint32_t bits = e < 2 ? (0x00200000u << e) : ((uint32_t)(e - 1) << 23);
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

void ck_portable_dequantize(uint32_t type, const void *src, float *dst, int64_t n) {
    const uint8_t *p = (const uint8_t *)src;
    switch (type) {
    case CK_F32:
        memcpy(dst, src, (size_t)n * 4);
        return;
    case CK_F16:
        for (int64_t i = 0; i < n; i++) dst[i] = ck_half_to_float(ck_load_u16(p + 2 * i));
        return;
    case CK_BF16:
        for (int64_t i = 0; i < n; i++) dst[i] = ck_bf16_to_float(ck_load_u16(p + 2 * i));
        return;
    case CK_Q4_0:
        for (int64_t b = 0; b < n / 32; b++, p += 18, dst += 32) {
            const float d = ck_half_to_float(ck_load_u16(p));
            for (int j = 0; j < 16; j++) {
                dst[j] = (float)((p[2 + j] & 0xF) - 8) * d;
                dst[j + 16] = (float)((p[2 + j] >> 4) - 8) * d;
            }
        }
        return;
    case CK_Q4_1:
        for (int64_t b = 0; b < n / 32; b++, p += 20, dst += 32) {
            const float d = ck_half_to_float(ck_load_u16(p));
            const float m = ck_half_to_float(ck_load_u16(p + 2));
            for (int j = 0; j < 16; j++) {
                float lo = (float)(p[4 + j] & 0xF) * d;
                float hi = (float)(p[4 + j] >> 4) * d;
                dst[j] = lo + m;
                dst[j + 16] = hi + m;
            }
        }
        return;
    case CK_Q8_0:
        for (int64_t b = 0; b < n / 32; b++, p += 34, dst += 32) {
            const float d = ck_half_to_float(ck_load_u16(p));
            for (int j = 0; j < 32; j++) dst[j] = (float)(int8_t)p[2 + j] * d;
        }
        return;
    case CK_MXFP4:
        for (int64_t b = 0; b < n / 32; b++, p += 17, dst += 32) {
            const float d = e8m0_half(p[0]);
            for (int j = 0; j < 16; j++) {
                dst[j] = mxfp4_doubled[p[1 + j] & 0xF] * d;
                dst[j + 16] = mxfp4_doubled[p[1 + j] >> 4] * d;
            }
        }
        return;
    case CK_Q4_K:
        for (int64_t b = 0; b < n / 256; b++) dequant_block_q4_k(p + 144 * b, dst + 256 * b);
        return;
    case CK_Q6_K:
        for (int64_t b = 0; b < n / 256; b++) dequant_block_q6_k(p + 210 * b, dst + 256 * b);
        return;
    default:
        return;
    }
}

float ck_portable_dot_f32(const float *a, const float *b, int64_t n) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
}

void ck_portable_axpy(float alpha, const float *x, float *y, int64_t n) {
    for (int64_t i = 0; i < n; i++) y[i] += alpha * x[i];
}

float ck_portable_dot(uint32_t type, const void *row, const float *x, int64_t n) {
    const uint8_t *p = (const uint8_t *)row;
    switch (type) {
    case CK_F32: {
        float tmp[64];
        float sum = 0;
        for (int64_t i = 0; i < n; i += 64) {
            int64_t k = n - i < 64 ? n - i : 64;
            memcpy(tmp, p + 4 * i, (size_t)k * 4);
            sum += ck_portable_dot_f32(tmp, x + i, k);
        }
        return sum;
    }
    case CK_Q8_0: {
        float sum = 0;
        for (int64_t b = 0; b < n / 32; b++, p += 34, x += 32) {
            float block = 0;
            for (int j = 0; j < 32; j++) block += (float)(int8_t)p[2 + j] * x[j];
            sum += ck_half_to_float(ck_load_u16(p)) * block;
        }
        return sum;
    }
    case CK_Q4_0: {
        float sum = 0;
        for (int64_t b = 0; b < n / 32; b++, p += 18, x += 32) {
            float block = 0;
            for (int j = 0; j < 16; j++) {
                block += (float)((p[2 + j] & 0xF) - 8) * x[j];
                block += (float)((p[2 + j] >> 4) - 8) * x[j + 16];
            }
            sum += ck_half_to_float(ck_load_u16(p)) * block;
        }
        return sum;
    }
    default: {
        // Decode one block-sized chunk at a time, then take an fp32 dot.
        float tmp[256];
        const int bs = ck_block_size(type), bb = ck_block_bytes(type);
        if (bs == 0) return NAN;
        const int64_t chunk = bs == 1 ? 256 : bs;
        float sum = 0;
        for (int64_t i = 0; i < n; i += chunk) {
            int64_t k = n - i < chunk ? n - i : chunk;
            ck_portable_dequantize(type, p + (i / bs) * bb, tmp, k);
            sum += ck_portable_dot_f32(tmp, x + i, k);
        }
        return sum;
    }
    }
}
