/// Keys and values of every layer for the positions processed so far, in fp32.
///
/// Layout: for each layer, `capacity` rows of `kvDimension` floats for keys, then the same for values. Position `p`
/// of the sequence is row `p`. `count` positions are filled; `forward` appends after them.
public final class KVCache: @unchecked Sendable {
    public let layers: Int
    public let kvDimension: Int
    /// Largest number of positions the cache can hold (the context window).
    public let capacity: Int
    /// Number of positions currently filled.
    public private(set) var count: Int = 0
    private let storage: UnsafeMutablePointer<Float>

    public init(layers: Int, kvDimension: Int, capacity: Int) {
        self.layers = layers
        self.kvDimension = kvDimension
        self.capacity = capacity
        storage = .allocate(capacity: max(1, layers * 2 * capacity * kvDimension))
    }

    deinit { storage.deallocate() }

    /// Bytes of storage held (keys and values of all layers at full capacity).
    public var byteCount: Int { layers * 2 * capacity * kvDimension * MemoryLayout<Float>.size }

    @inline(__always) func keys(layer: Int) -> UnsafeMutablePointer<Float> {
        storage + (layer * 2) * capacity * kvDimension
    }

    @inline(__always) func values(layer: Int) -> UnsafeMutablePointer<Float> {
        storage + (layer * 2 + 1) * capacity * kvDimension
    }

    /// Marks `n` more positions as filled (after `forward` wrote them).
    func advance(by n: Int) { count += n }

    /// Forgets every position from `newCount` on, e.g. to rewind to a shared prompt prefix. `newCount ≤ count`.
    public func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "cannot truncate a cache of \(count) positions to \(newCount)")
        count = newCount
    }

    /// An independent copy holding the same filled positions (for forking a shared prefix).
    public func copy() -> KVCache {
        let clone = KVCache(layers: layers, kvDimension: kvDimension, capacity: capacity)
        for layer in 0..<layers {
            clone.keys(layer: layer).update(from: keys(layer: layer), count: count * kvDimension)
            clone.values(layer: layer).update(from: values(layer: layer), count: count * kvDimension)
        }
        clone.count = count
        return clone
    }
}
