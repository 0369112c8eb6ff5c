// CKernels: hot loops for Reckon's Numerics module (wrapped by Numerics.Kernels; never call from elsewhere).
//
// Type codes are ggml type ids (0 F32, 1 F16, 2 Q4_0, 3 Q4_1, 8 Q8_0, 12 Q4_K, 14 Q6_K, 30 BF16).
// `n` counts elements and must be a multiple of the type's block size (checked by the Swift caller).
// `path` selects the implementation: CK_PATH_PORTABLE (scalar C) or CK_PATH_AVX2 (AVX2+FMA+F16C; falls back to
// portable when the CPU lacks those features). All pointers may be unaligned.
#ifndef RECKON_CKERNELS_H
#define RECKON_CKERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { CK_PATH_PORTABLE = 0, CK_PATH_AVX2 = 1 };

/// The best path this CPU supports (CK_PATH_AVX2 when it has AVX2, FMA and F16C).
int ck_best_path(void);

/// Σ dequant(row)[i] * x[i]. Returns NaN for an unknown type.
float ck_dot(uint32_t type, const void *row, const float *x, int64_t n, int path);

/// dst[i] = dequant(src)[i] for i < n. Unknown types leave dst untouched.
void ck_dequantize(uint32_t type, const void *src, float *dst, int64_t n, int path);

/// y[r] = ck_dot(type, w + r*row_bytes, x, cols) for row_begin <= r < row_end (y indexed by r).
void ck_matvec(uint32_t type, const void *w, int64_t row_bytes, int64_t cols, int64_t row_begin, int64_t row_end,
               const float *x, float *y, int path);

/// Σ a[i]*b[i] in fp32.
float ck_dot_f32(const float *a, const float *b, int64_t n, int path);

/// Σ L-Mul(a[i], b[i]) in fp32 with operands rounded to `mantissa_bits` (1...23) fraction bits (Luo & Sun's
/// multiplication by integer addition; rules in Numerics/LMul/LMul.swift). NaN for mantissa_bits outside 1...23.
/// Both paths accumulate in the same order, so they agree bit for bit.
float ck_lmul_dot_f32(const float *a, const float *b, int64_t n, uint32_t mantissa_bits, int path);

/// y[r] = ck_lmul_dot_f32(w + r*row_stride, x, cols, mantissa_bits) for row_begin <= r < row_end (y indexed by r),
/// bit for bit. `scratch` holds `cols` floats (x rounded to mantissa_bits once). `weights_rounded` promises that
/// every weight is finite and already rounded to mantissa_bits (rounding is idempotent, so the products are the
/// same); the AVX2 path then skips the per-element rounding and special-value checks. Nothing for mantissa_bits
/// outside 1...23.
void ck_lmul_matvec_f32(const float *w, int64_t row_stride, int64_t cols, int64_t row_begin, int64_t row_end,
                        const float *x, float *y, uint32_t mantissa_bits, int weights_rounded, float *scratch,
                        int path);

/// y[i] += L-Mul(alpha, x[i]) for i < n, one fp32 add per element (no reassociation: both paths agree bit for bit).
void ck_lmul_axpy_f32(float alpha, const float *x, float *y, int64_t n, uint32_t mantissa_bits, int path);

/// C[j*ldc + i] = Σ_p A[i*lda + p] · B[j*ldb + p] for i < m, j < n, p < k (fp32; batched prefill).
void ck_gemm_f32(const float *a, int64_t lda, int64_t m, const float *b, int64_t ldb, int64_t n, int64_t k,
                 float *c, int64_t ldc, int path);

/// Whether ck_matvec_q16 handles weights of `type` (Q8_0, Q4_0, Q4_1).
int ck_q16_supports(uint32_t type);

/// Quantises n floats (n % 32 == 0) to 16-bit blocks of 32: d[b] = amax_b / 32767, q[i] = round(x[i] · 32767 / amax_b)
/// (ties to even), s[b] = d[b] · Σ_{i in b} q[i]. Every path produces identical q, d and s.
void ck_quantize_q16(const float *x, int64_t n, int16_t *q, float *d, float *s, int path);

/// y[r] = Σ dequant(row r)[i] · d[i/32] · q[i] for row_begin <= r < row_end, with exact integer block sums.
/// Returns 0 (and writes nothing) when `type` is not supported (see ck_q16_supports), else 1.
int ck_matvec_q16(uint32_t type, const void *w, int64_t row_bytes, int64_t cols, int64_t row_begin, int64_t row_end,
                  const int16_t *q, const float *d, const float *s, float *y, int path);

/// ck_matvec_q16 for `nvec` activation vectors at once (vector v: q[v], d[v], s[v] → y[v], y indexed by row): rows
/// are decoded once for all vectors, and each vector's result is bit-identical to ck_matvec_q16 alone.
/// Only for types where ck_q16_supports is true.
void ck_matmul_q16(uint32_t type, const void *w, int64_t row_bytes, int64_t cols, int64_t row_begin, int64_t row_end,
                   int64_t nvec, const int16_t *const *q, const float *const *d, const float *const *s, float *const *y,
                   int path);

/// Whether ck_x8_pack handles `type` (Q4_1, Q8_0).
int ck_x8_supports(uint32_t type);

/// Reorders a row-major matrix of `rows` × `cols` (rows % 8 == 0, cols % 32 == 0) in place into the x8 layout
/// (ck_x8.c): each group of 8 rows keeps its bytes but is stored block by block, lane r of every 32-byte vector
/// belonging to row r. Returns 1, or 0 (nothing changed) for an unsupported type or shape or if memory ran out.
int ck_x8_pack(uint32_t type, void *data, int64_t rows, int64_t cols);

/// Writes row `r` of an x8 matrix of `cols` columns into `row` in its original GGUF form (exact inverse of
/// ck_x8_pack): `row` holds the row's bytes.
void ck_x8_unpack_row(uint32_t type, const void *data, int64_t cols, int64_t r, void *row);

/// The int16-block activation `q` (n % 32 == 0 values) in pair order, as ck_x8_matmul_q16 reads it.
void ck_q16_pairs(const int16_t *q, int64_t n, int16_t *pairs);

/// ck_matmul_q16 for a matrix in the x8 layout (r0 and r1 multiples of 8): each vector also comes in pair order
/// (`pairs[v]`, from ck_q16_pairs). On the AVX2 path, `allow_vnni` lets it use AVX-512 VNNI (vpdpwssd) when the CPU
/// has it (0: plain AVX2, for testing that tier). Results are bit-identical to ck_matmul_q16 on the row-major
/// matrix, on every path and tier.
void ck_x8_matmul_q16(uint32_t type, const void *w, int64_t cols, int64_t r0, int64_t r1, int64_t nvec,
                      const int16_t *const *q, const int16_t *const *pairs, const float *const *d,
                      const float *const *s, float *const *y, int path, int allow_vnni);

/// Quantises n floats (n % 32 == 0) to 8-bit blocks of 32 (ck_x8_int8.c): d[b] = amax_b / 127,
/// q[i] = round(x[i] · 127 / amax_b) (ties to even), s[b] = d[b] · Σ_{i in b} q[i]. Every path produces identical
/// q, d and s.
void ck_quantize_q8(const float *x, int64_t n, int8_t *q, float *d, float *s, int path);

/// y[v][r] = Σ dequant(row r)[i] · d[v][i/32] · q[v][i] for r0 <= r < r1 (multiples of 8) of a Q4_1 matrix in the x8
/// layout, exact integer block sums; every vector's result is the same whatever `nvec` is. `allow_vnni` as for
/// ck_x8_matmul_q16. Nothing for other types.
void ck_x8_matmul_q8(uint32_t type, const void *w, int64_t cols, int64_t r0, int64_t r1, int64_t nvec,
                     const int8_t *const *q, const float *const *d, const float *const *s, float *const *y, int path,
                     int allow_vnni);

/// SwiGLU in place: gate[i] = gate[i] / (1 + e^(−gate[i])) · up[i] for i < n. The AVX2 path evaluates e^x with its
/// own vectorised series (within a few ulp of expf); the portable path calls expf.
void ck_swiglu(float *gate, const float *up, int64_t n, int path);

/// Causal attention of one query head (`head_dim` floats at q) over the first `positions` rows of `nseg`
/// position-ordered segments of cached rows:
/// segment s has counts[s] rows starting at keys[s] / values[s], `stride` floats apart, the head's slice `offset`
/// floats into each row. out = Σ softmax(q·k · scale) · v, in fp32; `scores` needs room for `positions` floats.
void ck_attend_head(const float *q, int64_t nseg, const float *const *keys, const float *const *values,
                    const int64_t *counts, int64_t positions, int64_t offset, int64_t stride, int64_t head_dim, float scale,
                    float *scores,
                    float *out, int path);

/// y[i] += alpha * x[i].
void ck_axpy(float alpha, const float *x, float *y, int64_t n, int path);

#ifdef __cplusplus
}
#endif

#endif
