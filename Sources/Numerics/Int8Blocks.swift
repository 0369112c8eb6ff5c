/// An activation vector quantised to 8-bit integer blocks of 32 elements (llama.cpp's Q8_1 form, fp32 scales), for
/// the `int8` activation option's kernels.
///
/// Element i is `scales[i / 32] · values[i]`, with `scales[b] = max|x| over block b / 127`; `sums[b] = scales[b] · Σ
/// values` over the block (for Q4_1's per-block minimum). Owns its storage; filled by one thread, then read by many.
// Unchecked because of the raw buffers: their owner (one forward pass) fills a vector before handing it to the
// product's parallel chunks, which only read it.
public final class Int8Blocks: @unchecked Sendable {
    /// Elements per block.
    public static let blockSize = 32
    /// Elements the storage holds (a multiple of 32).
    public let capacity: Int
    public let values: UnsafeMutablePointer<Int8>
    public let scales: UnsafeMutablePointer<Float>
    public let sums: UnsafeMutablePointer<Float>

    /// Storage for `capacity` elements (rounded up to a whole block).
    public init(capacity: Int) {
        let blocks = max(1, (capacity + Self.blockSize - 1) / Self.blockSize)
        self.capacity = blocks * Self.blockSize
        values = .allocate(capacity: self.capacity)
        scales = .allocate(capacity: blocks)
        sums = .allocate(capacity: blocks)
    }

    deinit {
        values.deallocate()
        scales.deallocate()
        sums.deallocate()
    }

    /// Element `i` as a float (for tests and diagnostics).
    public func value(at i: Int) -> Float { scales[i / Self.blockSize] * Float(values[i]) }
}

/// Several ``Int8Blocks`` vectors with their output rows, as pointer tables the kernel reads (built once per product).
// Unchecked because of the raw pointer tables: filled once in init, read-only afterwards; the parallel chunks write
// only disjoint row ranges of the outputs.
public final class Int8BlockBatch: @unchecked Sendable {
    public let vectors: [Int8Blocks]
    let values: UnsafeMutablePointer<UnsafePointer<Int8>?>
    let scales: UnsafeMutablePointer<UnsafePointer<Float>?>
    let sums: UnsafeMutablePointer<UnsafePointer<Float>?>
    let outputs: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>

    /// `outputs[v]` receives the product rows of `vectors[v]` (indexed by absolute row number).
    public init(vectors: [Int8Blocks], outputs: [UnsafeMutablePointer<Float>]) {
        precondition(vectors.count == outputs.count, "\(vectors.count) vectors for \(outputs.count) outputs")
        self.vectors = vectors
        let n = max(1, vectors.count)
        values = .allocate(capacity: n)
        scales = .allocate(capacity: n)
        sums = .allocate(capacity: n)
        self.outputs = .allocate(capacity: n)
        for (v, vector) in vectors.enumerated() {
            values[v] = UnsafePointer(vector.values)
            scales[v] = UnsafePointer(vector.scales)
            sums[v] = UnsafePointer(vector.sums)
            self.outputs[v] = outputs[v]
        }
    }

    deinit {
        values.deallocate()
        scales.deallocate()
        sums.deallocate()
        outputs.deallocate()
    }

    public var count: Int { vectors.count }
}
