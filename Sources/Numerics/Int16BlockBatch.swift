/// Several activation vectors in int16-block form with their output rows, laid out as the multi-vector kernel reads
/// them (pointer tables built once, so the kernel can be called per row chunk without allocating).
// Unchecked because of the raw pointer tables: filled once in init, read-only afterwards; the kernels called from
// parallel chunks write only disjoint row ranges of the `outputs` rows.
public final class Int16BlockBatch: @unchecked Sendable {
    /// The vectors (kept alive by the batch).
    public let vectors: [Int16Blocks]
    let values: UnsafeMutablePointer<UnsafePointer<Int16>?>
    let scales: UnsafeMutablePointer<UnsafePointer<Float>?>
    let sums: UnsafeMutablePointer<UnsafePointer<Float>?>
    let pairs: UnsafeMutablePointer<UnsafePointer<Int16>?>
    let outputs: UnsafeMutablePointer<UnsafeMutablePointer<Float>?>

    /// `outputs[v]` receives the product rows of `vectors[v]` (indexed by absolute row number).
    public init(vectors: [Int16Blocks], outputs: [UnsafeMutablePointer<Float>]) {
        precondition(vectors.count == outputs.count, "\(vectors.count) vectors for \(outputs.count) outputs")
        self.vectors = vectors
        let n = max(1, vectors.count)
        values = .allocate(capacity: n)
        scales = .allocate(capacity: n)
        sums = .allocate(capacity: n)
        pairs = .allocate(capacity: n)
        self.outputs = .allocate(capacity: n)
        for (v, vector) in vectors.enumerated() {
            values[v] = UnsafePointer(vector.values)
            scales[v] = UnsafePointer(vector.scales)
            sums[v] = UnsafePointer(vector.sums)
            pairs[v] = UnsafePointer(vector.pairs)
            self.outputs[v] = outputs[v]
        }
    }

    deinit {
        values.deallocate()
        scales.deallocate()
        sums.deallocate()
        pairs.deallocate()
        outputs.deallocate()
    }

    public var count: Int { vectors.count }
}
