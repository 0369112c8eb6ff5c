/// An activation vector quantised to 16-bit integer blocks of 32 elements, for the integer product kernels.
///
/// Element i is `scales[i / 32] · values[i]`, with `scales[b] = max|x| over block b / 32767`, so every block keeps
/// about 4.5 significant decimal digits relative to its largest element; `sums[b] = scales[b] · Σ values` over the
/// block (used by formats with a per-block minimum, such as Q4_1). Owns its storage; not thread-safe to fill
/// concurrently, safe to read from many threads once filled.
// Unchecked because of the raw buffers: their owner (one forward pass) fills a vector before handing it to the
// product's parallel chunks, which only read it; no two threads write one vector's storage.
public final class Int16Blocks: @unchecked Sendable {
    /// Elements per block.
    public static let blockSize = 32
    /// Elements the storage holds (a multiple of 32).
    public let capacity: Int
    public let values: UnsafeMutablePointer<Int16>
    public let scales: UnsafeMutablePointer<Float>
    public let sums: UnsafeMutablePointer<Float>
    /// `values` with each block in pair order (``Kernels/interleavedPairOrder``), for the kernels that read weights
    /// in the x8 layout. Filled by ``Kernels/quantizeInt16Blocks(_:count:into:path:)`` with the values.
    public let pairs: UnsafeMutablePointer<Int16>

    /// Storage for `capacity` elements (rounded up to a whole block).
    public init(capacity: Int) {
        let blocks = max(1, (capacity + Self.blockSize - 1) / Self.blockSize)
        self.capacity = blocks * Self.blockSize
        values = .allocate(capacity: self.capacity)
        scales = .allocate(capacity: blocks)
        sums = .allocate(capacity: blocks)
        pairs = .allocate(capacity: self.capacity)
    }

    deinit {
        values.deallocate()
        scales.deallocate()
        sums.deallocate()
        pairs.deallocate()
    }

    /// Element `i` as a float (for tests and diagnostics).
    public func value(at i: Int) -> Float { scales[i / Self.blockSize] * Float(values[i]) }
}
