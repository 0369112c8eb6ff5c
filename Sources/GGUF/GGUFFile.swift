import Numerics

/// A parsed GGUF file (versions 2 and 3): typed metadata, the tensor directory, and zero-copy access to tensor data.
///
/// Immutable after init. Files opened by path are memory-mapped read-only (or read once into resident memory, see
/// ``GGUFLoading``) and never copied into arrays; the memory lives as long as this object. Parsing validates
/// everything it can without touching tensor bytes: see ``GGUFError`` for the failures it reports. Layout: see
/// `GGUFParser`.
public final class GGUFFile: Sendable {
    /// The accepted format versions.
    public static let supportedVersions: ClosedRange<UInt32> = 2...3
    /// The alignment used when `general.alignment` is absent.
    public static let defaultAlignment = 32

    /// Format version (2 or 3).
    public let version: UInt32
    public let metadata: GGUFMetadata
    /// The tensor directory in file order.
    public let tensors: [GGUFTensorInfo]
    /// `general.alignment`, or 32.
    public let alignment: Int
    /// Absolute byte offset of the data section (end of the directory rounded up to `alignment`).
    public let dataOffset: Int

    /// Names of the tensors whose bytes this object holds in the x8 row-interleaved layout instead of the file's
    /// row-major one (see ``Numerics/Kernels/interleaveRows(_:_:rows:cols:)``; empty unless asked for at init).
    public let interleavedTensors: Set<String>

    private let storage: GGUFStorage
    private let tensorIndex: [String: Int]

    /// Opens (memory-maps by default) and parses the file at `path`.
    ///
    /// With `interleaveRows` and `.resident` loading, every 2-D Q4_1 and Q8_0 tensor whose rows come in whole groups
    /// of 8 is reordered in memory into the x8 layout the generation kernels stream fastest (listed in
    /// ``interleavedTensors``; the file itself is never written). Ignored for `.mapped` loading.
    public convenience init(path: String, loading: GGUFLoading = .mapped, interleaveRows: Bool = false)
        throws(GGUFError) {
        let storage = try GGUFStorage(path: path, loading: loading)
        try self.init(storage: storage, interleaveRows: interleaveRows && storage.isWritableCopy)
    }

    /// Parses an in-memory GGUF image (copied into an owned buffer).
    public convenience init(bytes: [UInt8]) throws(GGUFError) {
        try self.init(storage: GGUFStorage(copying: bytes), interleaveRows: false)
    }

    private init(storage: GGUFStorage, interleaveRows: Bool) throws(GGUFError) {
        var parser = GGUFParser(base: storage.base, size: storage.count)

        let magic = try parser.bytes(4, "header (magic)")
        guard Array(magic) == Array("GGUF".utf8) else { throw .badMagic(found: Array(magic), offset: 0) }
        let version = try parser.scalar(UInt32.self, "header (version)")
        guard Self.supportedVersions.contains(version) else { throw .unsupportedVersion(version, offset: 4) }
        let tensorCount = try parser.scalar(UInt64.self, "header (tensor count)")
        let kvCount = try parser.scalar(UInt64.self, "header (metadata count)")
        // Cheapest possible entries: key "" + type + 1-byte value = 13 bytes; tensor "" + n_dims + type + offset = 24.
        try parser.checkCount(kvCount, minimumSize: 13, "metadata entry count", at: 16)
        try parser.checkCount(tensorCount, minimumSize: 24, "tensor count", at: 8)

        // Metadata.
        var entries = [(key: String, value: GGUFValue)]()
        var valueOffsets = [Int]()
        var seenKeys = Set<String>()
        entries.reserveCapacity(min(Int(kvCount), 1 << 16))
        for i in 0..<Int(kvCount) {
            let keyOffset = parser.cursor
            let key = try parser.string("metadata key #\(i)")
            guard seenKeys.insert(key).inserted else { throw .duplicateKey(key, offset: keyOffset) }
            let type = try parser.valueType(key: key)
            valueOffsets.append(parser.cursor)
            entries.append((key, try parser.value(type, key: key)))
        }
        let metadata = GGUFMetadata(entries: entries, valueOffsets: valueOffsets)
        let alignment = try Self.alignment(in: metadata)

        // Tensor directory.
        var tensors = [GGUFTensorInfo]()
        var declaredAt = [Int]()
        var tensorIndex = [String: Int]()
        tensors.reserveCapacity(min(Int(tensorCount), 1 << 16))
        for i in 0..<Int(tensorCount) {
            let infoOffset = parser.cursor
            let name = try parser.string("tensor name #\(i)")
            guard tensorIndex[name] == nil else { throw .duplicateTensor(name, offset: infoOffset) }
            tensors.append(try Self.tensorInfo(named: name, at: infoOffset, parser: &parser, alignment: alignment))
            declaredAt.append(infoOffset)
            tensorIndex[name] = i
        }

        // Data section: starts at the directory end rounded up to the alignment.
        let (rounded, overflow) = parser.cursor.addingReportingOverflow(alignment - 1)
        let dataOffset = overflow ? Int.max : rounded / alignment * alignment
        let dataSectionSize = max(0, storage.count - dataOffset)
        for (tensor, infoOffset) in zip(tensors, declaredAt) {
            if tensor.offset > dataSectionSize || tensor.byteCount > dataSectionSize - tensor.offset {
                throw .tensorOutOfBounds(tensor: tensor.name, dataOffset: UInt64(tensor.offset),
                                         byteCount: tensor.byteCount, dataSectionSize: dataSectionSize,
                                         offset: infoOffset)
            }
        }

        var interleaved = Set<String>()
        if interleaveRows {
            storage.modify { base in
                for tensor in tensors where tensor.dimensions.count == 2
                    && Kernels.canInterleave(tensor.type, rows: tensor.rowCount, cols: tensor.rowLength) {
                    let data = base + dataOffset + tensor.offset
                    if Kernels.interleaveRows(tensor.type, data, rows: tensor.rowCount, cols: tensor.rowLength) {
                        interleaved.insert(tensor.name)
                    }
                }
            }
        }

        self.version = version
        self.metadata = metadata
        self.tensors = tensors
        self.alignment = alignment
        self.dataOffset = dataOffset
        self.storage = storage
        self.tensorIndex = tensorIndex
        self.interleavedTensors = interleaved
    }

    /// Whether `tensor`'s bytes are held in the x8 row-interleaved layout (see ``interleavedTensors``).
    public func isRowInterleaved(_ tensor: GGUFTensorInfo) -> Bool { interleavedTensors.contains(tensor.name) }

    /// Total size of the file in bytes.
    public var fileSize: Int { storage.count }

    /// The directory entry named `name`, if any.
    public func tensor(named name: String) -> GGUFTensorInfo? {
        tensorIndex[name].map { tensors[$0] }
    }

    /// The bytes of `tensor` (valid while this `GGUFFile` lives), in the x8 layout when ``isRowInterleaved(_:)``.
    /// Aligned to `alignment` relative to the file start.
    /// - Precondition: `tensor` came from this file's directory.
    public func data(for tensor: GGUFTensorInfo) -> UnsafeRawBufferPointer {
        precondition(tensor.offset >= 0 && tensor.offset <= fileSize - dataOffset
                     && tensor.byteCount <= fileSize - dataOffset - tensor.offset,
                     "tensor '\(tensor.name)' does not belong to this GGUF file")
        return UnsafeRawBufferPointer(start: storage.base + dataOffset + tensor.offset, count: tensor.byteCount)
    }

    /// All bytes of the file (valid while this `GGUFFile` lives).
    public var rawBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage.base, count: storage.count) }

    private static func alignment(in metadata: GGUFMetadata) throws(GGUFError) -> Int {
        guard let value = metadata["general.alignment"] else { return defaultAlignment }
        let offset = metadata.valueOffset("general.alignment") ?? 0
        guard let a = value.intValue else {
            throw .invalidAlignment("a value of type \(value.typeDescription)", offset: offset)
        }
        guard a > 0, a & (a - 1) == 0, a <= 1 << 30 else { throw .invalidAlignment(String(a), offset: offset) }
        return a
    }

    private static func tensorInfo(named name: String, at infoOffset: Int, parser: inout GGUFParser,
                                   alignment: Int) throws(GGUFError) -> GGUFTensorInfo {
        let dimsOffset = parser.cursor
        let dimensionCount = try parser.scalar(UInt32.self, "dimension count of tensor '\(name)'")
        guard dimensionCount <= 4 else {
            throw .tooManyDimensions(Int(dimensionCount), tensor: name, offset: dimsOffset)
        }
        var raw = [UInt64]()
        for d in 0..<Int(dimensionCount) {
            raw.append(try parser.scalar(UInt64.self, "dimension \(d) of tensor '\(name)'"))
        }
        let typeOffset = parser.cursor
        let typeCode = try parser.scalar(UInt32.self, "type of tensor '\(name)'")
        let offsetOffset = parser.cursor
        let dataOffset = try parser.scalar(UInt64.self, "data offset of tensor '\(name)'")
        guard let type = GGMLType(rawValue: typeCode) else {
            throw .unknownTensorType(typeCode, tensor: name, offset: typeOffset)
        }

        // Dimensions must be ≥ 1 and the byte size must not overflow.
        var elements = 1
        var valid = true
        for d in raw {
            guard d >= 1, d <= UInt64(Int.max) else { valid = false; break }
            let (product, overflow) = elements.multipliedReportingOverflow(by: Int(d))
            if overflow { valid = false; break }
            elements = product
        }
        guard valid else { throw .invalidDimensions(raw, tensor: name, offset: dimsOffset) }
        let dimensions = raw.map { Int($0) }
        let rowLength = dimensions.first ?? 1
        let traits = type.traits
        guard rowLength % traits.blockSize == 0 else {
            throw .rowNotBlockMultiple(rowLength: rowLength, blockSize: traits.blockSize, type: traits.name,
                                       tensor: name, offset: dimsOffset)
        }
        let (bytes, overflow) = (elements / traits.blockSize).multipliedReportingOverflow(by: traits.bytesPerBlock)
        guard !overflow, bytes < Int.max / 2 else { throw .invalidDimensions(raw, tensor: name, offset: dimsOffset) }
        guard dataOffset % UInt64(alignment) == 0 else {
            throw .misalignedTensor(tensor: name, dataOffset: dataOffset, alignment: alignment, offset: offsetOffset)
        }
        // A huge offset is clamped here and reported by the data-section bounds check.
        return GGUFTensorInfo(name: name, dimensions: dimensions, type: type, offset: Int(clamping: dataOffset))
    }
}
