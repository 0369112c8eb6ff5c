import Testing
import Numerics

/// The x8 row-interleaved layout: it is a permutation of each group's bytes (restored exactly), it puts each value
/// where the layout's definition says, and products over it are bit-identical to the row-major int16 kernels on
/// every path and batch size.
@Suite struct InterleavedRowsTests {
    static let types: [GGMLType] = [.q4_1, .q8_0]

    /// The pair order written out by hand from its definition (pair k = elements first(k), first(k) + 2, with the
    /// four pairs of each group of 8 elements taking the low nibbles of bytes 0 and 2, their high nibbles, the low
    /// nibbles of bytes 1 and 3, their high nibbles).
    static let pairOrder: [(Int, Int)] = [
        (0, 2), (16, 18), (1, 3), (17, 19), (4, 6), (20, 22), (5, 7), (21, 23),
        (8, 10), (24, 26), (9, 11), (25, 27), (12, 14), (28, 30), (13, 15), (29, 31),
    ]

    static func interleaved(_ type: GGMLType, _ bytes: [UInt8], rows: Int, cols: Int) -> [UInt8] {
        var copy = bytes
        let done = copy.withUnsafeMutableBytes { Kernels.interleaveRows(type, $0.baseAddress!, rows: rows, cols: cols) }
        #expect(done)
        return copy
    }

    @Test func pairsFollowTheWrittenOutOrder() {
        var rng = SplitMix64(seed: 5)
        let x = Int16BlocksTests.activations(32 * 3, using: &rng)
        let blocks = Int16BlocksTests.quantize(x, path: .portable)
        for b in 0..<3 {
            for (k, (first, second)) in Self.pairOrder.enumerated() {
                #expect(blocks.pairs[32 * b + 2 * k] == blocks.values[32 * b + first], "block \(b) pair \(k)")
                #expect(blocks.pairs[32 * b + 2 * k + 1] == blocks.values[32 * b + second], "block \(b) pair \(k)")
            }
        }
    }

    @Test(arguments: types)
    func interleavingIsAPermutationThatRestoresEveryRow(type: GGMLType) {
        for (seed, (rows, blocksPerRow)) in zip(UInt64(1)..., [(8, 1), (16, 3), (24, 18), (8, 48)]) {
            var rng = SplitMix64(seed: seed &* 13 &+ UInt64(type.rawValue))
            let cols = 32 * blocksPerRow
            let original = randomRow(type, count: rows * cols, using: &rng)
            let packed = Self.interleaved(type, original, rows: rows, cols: cols)
            let rowBytes = type.rowByteCount(elements: cols)
            // Each group of 8 rows keeps its byte range and its multiset of bytes.
            for g in 0..<rows / 8 {
                let range = 8 * g * rowBytes..<8 * (g + 1) * rowBytes
                #expect(original[range].sorted() == packed[range].sorted(), "seed \(seed) group \(g)")
            }
            if blocksPerRow > 1 { #expect(packed != original, "seed \(seed): the layout did not change") }
            var restored = [UInt8](repeating: 0, count: rowBytes)
            for r in 0..<rows {
                packed.withUnsafeBytes { p in
                    restored.withUnsafeMutableBytes {
                        Kernels.restoreInterleavedRow(type, p.baseAddress!, cols: cols, row: r, into: $0.baseAddress!)
                    }
                }
                #expect(restored == Array(original[r * rowBytes..<(r + 1) * rowBytes]), "seed \(seed) row \(r)")
            }
        }
    }

    /// Where the layout's definition puts things, checked on a few hand-picked bytes: in group block b, the 8 rows'
    /// scales come first (fp16, row r at 2r), then for Q4_1 the 8 minimums, then the quants with lane r (4 bytes
    /// every 32) belonging to row r.
    @Test func bytesLandWhereTheLayoutSays() {
        // Two fillings of the same 8 × 64 Q4_1 matrix: each byte holding its row, then its offset in the row; a byte
        // is where the layout says when both agree.
        let rows = 8, rowBytes = 40
        func q41(_ value: (Int, Int) -> Int) -> [UInt8] {
            let bytes = (0..<rows * rowBytes).map { UInt8(value($0 / rowBytes, $0 % rowBytes)) }
            return Self.interleaved(.q4_1, bytes, rows: rows, cols: 64)
        }
        let byRow = q41 { r, _ in r }, byOffset = q41 { _, j in j }
        func at(_ position: Int) -> (row: Int, offset: Int) { (Int(byRow[position]), Int(byOffset[position])) }
        // Group block 1 starts at 160: row 3's d (offsets 20…21 of the row) at 160 + 6…7.
        #expect(at(160 + 6) == (3, 20) && at(160 + 7) == (3, 21))
        // Row 5's m of block 0 (offsets 2…3) at 16 + 10…11.
        #expect(at(16 + 10) == (5, 2) && at(16 + 11) == (5, 3))
        // Row 2's quant byte 9 of block 0 (offset 4 + 9): vector 9/4 = 2, lane 2, byte 9 mod 4 = 1.
        #expect(at(32 + 32 * 2 + 4 * 2 + 1) == (2, 13))
        func q80(_ value: (Int, Int) -> Int) -> [UInt8] {
            let bytes = (0..<rows * 34).map { UInt8(value($0 / 34, $0 % 34)) }
            return Self.interleaved(.q8_0, bytes, rows: rows, cols: 32)
        }
        let rowOf = q80 { r, _ in r }, offsetOf = q80 { _, j in j }
        // Vector c holds, in lane r, row r's elements first(2c), first(2c+1), first(2c)+2, first(2c+1)+2.
        for c in 0..<8 {
            let (a, _) = Self.pairOrder[2 * c], (b, _) = Self.pairOrder[2 * c + 1]
            for (i, element) in [a, b, a + 2, b + 2].enumerated() {
                for r in 0..<8 {
                    let position = 16 + 32 * c + 4 * r + i
                    #expect(rowOf[position] == UInt8(r) && offsetOf[position] == UInt8(2 + element), "c \(c) r \(r) i \(i)")
                }
            }
        }
    }

    /// Every tier: portable, plain AVX2, and AVX-512 VNNI where the CPU has it (`.automatic` with VNNI allowed).
    static let tiers: [(KernelPath, Bool)] = [(.portable, true), (.automatic, false), (.automatic, true)]

    @Test(arguments: types, [0, 1, 2])
    func productsAreBitIdenticalToTheRowMajorKernel(type: GGMLType, tier: Int) {
        let (path, allowVNNI) = Self.tiers[tier]
        for (seed, (rows, blocksPerRow, vectors)) in zip(UInt64(1)..., [(8, 1, 1), (16, 3, 2), (24, 18, 5), (32, 48, 3)]) {
            var rng = SplitMix64(seed: seed &* 17 &+ UInt64(type.rawValue))
            let cols = 32 * blocksPerRow
            let w = randomRow(type, count: rows * cols, using: &rng)
            let packed = Self.interleaved(type, w, rows: rows, cols: cols)
            let xs = (0..<vectors).map { _ in
                Int16BlocksTests.quantize(Int16BlocksTests.activations(cols, using: &rng), path: .portable)
            }
            let range = (rows > 16 ? 8 : 0)..<rows
            let expected = (0..<vectors).map { _ in UnsafeMutablePointer<Float>.allocate(capacity: rows) }
            let found = (0..<vectors).map { _ in UnsafeMutablePointer<Float>.allocate(capacity: rows) }
            defer { (expected + found).forEach { $0.deallocate() } }
            for v in 0..<vectors { found[v].initialize(repeating: -12345, count: rows) }
            w.withUnsafeBytes { wp in
                Kernels.matmulInt16Blocks(type, wp.baseAddress!, cols: cols, rows: range, xs, expected, path: path)
            }
            packed.withUnsafeBytes { pp in
                Kernels.matmulInt16BlocksInterleaved(type, pp.baseAddress!, cols: cols, rows: range,
                                                     Int16BlockBatch(vectors: xs, outputs: found), path: path,
                                                     allowVNNI: allowVNNI)
            }
            for v in 0..<vectors {
                for r in 0..<rows {
                    if range.contains(r) {
                        #expect(found[v][r].bitPattern == expected[v][r].bitPattern,
                                "seed \(seed) \(type) \(path) vector \(v) row \(r): \(found[v][r]) vs \(expected[v][r])")
                    } else {
                        #expect(found[v][r] == -12345, "seed \(seed): row \(r) outside the range was written")
                    }
                }
            }
        }
    }

    @Test func onlyWholeGroupsOfSupportedTypesInterleave() {
        #expect(Kernels.canInterleave(.q4_1, rows: 16, cols: 64))
        #expect(Kernels.canInterleave(.q8_0, rows: 8, cols: 32))
        #expect(!Kernels.canInterleave(.q4_1, rows: 12, cols: 64))
        #expect(!Kernels.canInterleave(.q4_0, rows: 16, cols: 64))
        #expect(!Kernels.canInterleave(.f32, rows: 16, cols: 64))
    }
}
