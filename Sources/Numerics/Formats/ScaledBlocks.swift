/// Values encoded in a block-scaled format (``BlockFormat``), unpacked one code per byte.
///
/// Layout: block `b` covers values `[b·blockSize, (b+1)·blockSize)`; its scale code is `scaleCodes[b]` and its
/// element codes are `elementCodes[b·blockSize ..< (b+1)·blockSize]`. A final partial block is padded with zero
/// elements (code 0), which decode to +0 and are dropped by the decoder, which returns exactly `count` values.
/// Value `i` decodes to `element(elementCodes[i]) · scale(scaleCodes[i / blockSize]) · tensorScale`.
/// Packing codes into bytes (bit order, nibble order) is a storage concern left to file formats.
///
/// Invariants: `elementCodes.count == scaleCodes.count · blockSize`, `scaleCodes.count == ceil(count / blockSize)`;
/// `tensorScale` is 1 for MX formats.
public struct ScaledBlocks: Sendable, Equatable {
    /// The format the codes are in.
    public let format: BlockFormat
    /// Number of encoded values (before padding).
    public let count: Int
    /// One scale code per block: E8M0 for MX (`0xFF` = NaN), E4M3 for NVFP4 (`0x7F` = NaN).
    public var scaleCodes: [UInt8]
    /// One element code per value, padded to whole blocks.
    public var elementCodes: [UInt8]
    /// The per-tensor decode scale (NVFP4: `amax / (448·6)`), 1 for MX.
    public var tensorScale: Float

    /// Creates blocks from their parts.
    /// - Precondition: the layout invariants above hold.
    public init(format: BlockFormat, count: Int, scaleCodes: [UInt8], elementCodes: [UInt8], tensorScale: Float = 1) {
        let size = format.traits.blockSize
        precondition(count >= 0 && scaleCodes.count == (count + size - 1) / size
                     && elementCodes.count == scaleCodes.count * size,
                     "\(format) blocks: \(count) values need \((count + size - 1) / size) scales and whole blocks")
        self.format = format
        self.count = count
        self.scaleCodes = scaleCodes
        self.elementCodes = elementCodes
        self.tensorScale = tensorScale
    }

    /// Number of blocks.
    public var blockCount: Int { scaleCodes.count }
}
