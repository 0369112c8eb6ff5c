import Testing
@testable import Numerics

@Suite struct GemmTests {
    /// The register-blocked product equals a Double reference over many shapes (odd sizes exercise every edge loop),
    /// on both paths.
    @Test(arguments: KernelPath.allCases)
    func matchesReference(path: KernelPath) {
        var seed: UInt64 = 0x5EED
        func next() -> Float {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: seed >> 11) % 2001 - 1000) / 1000
        }
        for (m, n, k) in [(1, 1, 1), (4, 2, 8), (5, 3, 13), (16, 7, 64), (9, 1, 576), (16, 16, 100), (3, 5, 7)] {
            let lda = k + 3, ldb = k + 1, ldc = m + 2
            let a = (0..<m * lda).map { _ in next() }
            let b = (0..<n * ldb).map { _ in next() }
            var c = [Float](repeating: .nan, count: n * ldc)
            Kernels.gemmF32(a, lda: lda, m: m, b, ldb: ldb, n: n, k: k, &c, ldc: ldc, path: path)
            for j in 0..<n {
                for i in 0..<m {
                    var exact = 0.0, magnitude = 0.0
                    for p in 0..<k {
                        exact += Double(a[i * lda + p]) * Double(b[j * ldb + p])
                        magnitude += abs(Double(a[i * lda + p]) * Double(b[j * ldb + p]))
                    }
                    let error = abs(Double(c[j * ldc + i]) - exact) / max(magnitude, 1e-30)
                    #expect(error < 1e-5, "m=\(m) n=\(n) k=\(k) i=\(i) j=\(j) path=\(path): \(error)")
                }
                // Padding between output rows is untouched.
                for i in m..<ldc { #expect(c[j * ldc + i].isNaN) }
            }
        }
    }
}
