/// Keys and values of every layer for the positions processed so far, in fp32.
///
/// A cache may share a read-only prefix with other caches: one created with ``init(sharing:capacity:)`` reads
/// positions `0..<prefixCount` from its `prefix` cache (never copying or writing them) and stores only the positions
/// after them. N samples of one prompt therefore hold the prompt's keys and values once.
///
/// Own storage layout: for each layer, `capacity − prefixCount` rows of `kvDimension` floats for keys, then the
/// same for values; position `p` lives in row `p − prefixCount`. `count` positions are filled; `forward` appends.
/// A cache is used by one thread at a time.
// Unchecked because `count`, `pinnedCount` and `storage` are mutable without a lock: a cache is handed between
// threads (an engine's decoding task, the worker pool's chunks) but written by one at a time, as documented above;
// a pool call writes disjoint rows of it from several threads and returns only after every chunk finished. Caches
// sharing a prefix only read the prefix's pinned rows, which it can no longer truncate or overwrite.
public final class KVCache: @unchecked Sendable {
    public let layers: Int
    public let kvDimension: Int
    /// Largest number of positions the cache can hold (the context window), the shared prefix included.
    public let capacity: Int
    /// Number of positions currently filled, the shared prefix included.
    public private(set) var count: Int = 0
    /// The cache whose first `prefixCount` positions this one reads, if any.
    public let prefix: KVCache?
    /// Positions read from `prefix` (0 without one).
    public let prefixCount: Int
    /// Positions of this cache that caches sharing it rely on: it cannot be truncated below this (once shared, a
    /// prefix stays pinned for the cache's lifetime).
    public private(set) var pinnedCount: Int = 0
    private let ownRows: Int
    private let storage: UnsafeMutablePointer<Float>

    public init(layers: Int, kvDimension: Int, capacity: Int) {
        self.layers = layers
        self.kvDimension = kvDimension
        self.capacity = capacity
        prefix = nil
        prefixCount = 0
        ownRows = capacity
        storage = .allocate(capacity: Self.storageFloats(layers: layers, kvDimension: kvDimension, rows: capacity))
    }

    /// A cache that continues `prefix` (all of its current positions) without copying them.
    /// `prefix` must not be truncated below its current count while this cache lives (checked).
    public convenience init(sharing prefix: KVCache, capacity: Int) {
        self.init(prefix: prefix, prefixCount: prefix.count, capacity: capacity)
    }

    /// A cache reading positions `0..<prefixCount` from `prefix`.
    private init(prefix: KVCache, prefixCount: Int, capacity: Int) {
        precondition(prefixCount <= prefix.count, "a shared prefix of \(prefixCount) positions exceeds \(prefix.count)")
        precondition(capacity >= prefixCount, "capacity \(capacity) is below the shared prefix of \(prefixCount) positions")
        layers = prefix.layers
        kvDimension = prefix.kvDimension
        self.capacity = capacity
        self.prefix = prefix
        self.prefixCount = prefixCount
        count = prefixCount
        ownRows = capacity - prefixCount
        storage = .allocate(capacity: Self.storageFloats(layers: layers, kvDimension: kvDimension, rows: ownRows))
        prefix.pinnedCount = max(prefix.pinnedCount, prefixCount)
    }

    deinit { storage.deallocate() }

    /// Bytes of own storage held (keys and values of all layers for the positions after the shared prefix).
    public var byteCount: Int { layers * 2 * ownRows * kvDimension * MemoryLayout<Float>.size }

    /// Keys of `layer` for own positions: row `p − prefixCount` holds position `p`.
    @inline(__always) func ownKeys(layer: Int) -> UnsafeMutablePointer<Float> {
        storage + (layer * 2) * ownRows * kvDimension
    }

    @inline(__always) func ownValues(layer: Int) -> UnsafeMutablePointer<Float> {
        storage + (layer * 2 + 1) * ownRows * kvDimension
    }

    /// Where position `position` (≥ prefixCount, < capacity) of `layer` is stored: (key row, value row).
    @inline(__always) func slot(layer: Int, position: Int) -> (key: UnsafeMutablePointer<Float>, value: UnsafeMutablePointer<Float>) {
        let row = (position - prefixCount) * kvDimension
        return (ownKeys(layer: layer) + row, ownValues(layer: layer) + row)
    }

    /// A contiguous run of cached positions: `count` rows of keys and values, starting at position `start`.
    // Unchecked because of the raw pointers: a segment is a read-only view of pinned rows of a live cache, used
    // only within the forward pass that made it, while that cache (and its prefix) is kept alive by the caller.
    struct Segment: @unchecked Sendable {
        let start: Int
        let count: Int
        let keys: UnsafePointer<Float>
        let values: UnsafePointer<Float>
    }

    /// The runs holding positions `0..<positions` of `layer`, in position order (the shared prefix first).
    func segments(layer: Int, positions: Int) -> [Segment] {
        var result: [Segment] = []
        if let prefix, prefixCount > 0 {
            result = prefix.segments(layer: layer, positions: min(positions, prefixCount))
        }
        if positions > prefixCount {
            result.append(Segment(start: prefixCount, count: positions - prefixCount,
                                  keys: ownKeys(layer: layer), values: ownValues(layer: layer)))
        }
        return result
    }

    /// Marks `n` more positions as filled (after `forward` wrote them).
    func advance(by n: Int) { count += n }

    /// Forgets every position from `newCount` on, e.g. to rewind to a shared prompt prefix.
    /// `max(prefixCount, pinnedCount) ≤ newCount ≤ count`: shared positions cannot be forgotten.
    public func truncate(to newCount: Int) {
        precondition(newCount <= count, "cannot truncate a cache of \(count) positions to \(newCount)")
        precondition(newCount >= prefixCount, "cannot truncate into the shared prefix (\(prefixCount) positions)")
        precondition(newCount >= pinnedCount, "\(pinnedCount) positions are shared with other caches")
        count = newCount
    }

    /// An independent copy holding the same filled positions (sharing the same prefix, if any).
    public func copy() -> KVCache {
        let clone = prefix.map { KVCache(prefix: $0, prefixCount: prefixCount, capacity: capacity) }
            ?? KVCache(layers: layers, kvDimension: kvDimension, capacity: capacity)
        let filled = (count - prefixCount) * kvDimension
        for layer in 0..<layers {
            clone.ownKeys(layer: layer).update(from: ownKeys(layer: layer), count: filled)
            clone.ownValues(layer: layer).update(from: ownValues(layer: layer), count: filled)
        }
        clone.count = count
        return clone
    }
}
