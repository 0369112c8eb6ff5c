extension KVCache {
    /// Bytes one position takes in a cache of this shape (keys and values of every layer, fp32), or nil when that
    /// does not fit an `Int`.
    public static func bytesPerPosition(layers: Int, kvDimension: Int) -> Int? {
        checkedProduct([layers, 2, kvDimension, MemoryLayout<Float>.size])
    }

    /// Bytes of storage a cache of this shape needs for `positions` positions, or nil when that does not fit an
    /// `Int` (no request can be that large: callers refuse it).
    public static func byteCount(layers: Int, kvDimension: Int, positions: Int) -> Int? {
        guard let perPosition = bytesPerPosition(layers: layers, kvDimension: kvDimension) else { return nil }
        return checkedProduct([perPosition, positions])
    }

    /// The product of non-negative factors, or nil on a negative factor or overflow.
    static func checkedProduct(_ factors: [Int]) -> Int? {
        var product = 1
        for factor in factors {
            guard factor >= 0 else { return nil }
            let (value, overflow) = product.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            product = value
        }
        return product
    }

    /// Floats of storage for `rows` positions (a KV page holds `positionsPerPage` rows); traps with a message on overflow (callers size caches from
    /// checked requests, so this is a programming error, never user input reaching the allocator unchecked).
    static func storageFloats(layers: Int, kvDimension: Int, rows: Int) -> Int {
        guard let floats = checkedProduct([layers, 2, rows, kvDimension]) else {
            preconditionFailure("a KV cache of \(rows) positions × \(layers) layers × \(kvDimension) floats overflows Int")
        }
        return max(1, floats)
    }
}
