import Numerics

/// Why a GGUF file could not be read, or a metadata lookup failed.
///
/// Every parse error names the absolute byte `offset` in the file where the problem was found, what was
/// expected, and what was found.
public enum GGUFError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be opened or mapped.
    case cannotOpen(path: String, reason: String)
    /// The first four bytes are not "GGUF".
    case badMagic(found: [UInt8], offset: Int)
    /// The version is not 2 or 3.
    case unsupportedVersion(UInt32, offset: Int)
    /// The file ended inside `what`: `needed` bytes at `offset`, only `available` left.
    case truncated(what: String, offset: Int, needed: Int, available: Int)
    /// A count or length larger than the bytes left could hold.
    case countTooLarge(what: String, count: UInt64, offset: Int, minimumBytes: UInt64, available: Int)
    /// A metadata value type code outside 0...12.
    case unknownValueType(UInt32, key: String, offset: Int)
    /// A bool byte other than 0 or 1.
    case invalidBool(UInt8, key: String, offset: Int)
    /// A string that is not valid UTF-8.
    case invalidUTF8(what: String, offset: Int)
    /// Arrays nested deeper than the reader allows.
    case nestingTooDeep(key: String, depth: Int, offset: Int)
    /// Two metadata entries with the same key.
    case duplicateKey(String, offset: Int)
    /// Two tensors with the same name.
    case duplicateTensor(String, offset: Int)
    /// `general.alignment` is not a positive power of two (or not an integer).
    case invalidAlignment(String, offset: Int)
    /// A tensor type id Reckon does not support.
    case unknownTensorType(UInt32, tensor: String, offset: Int)
    /// More than 4 dimensions.
    case tooManyDimensions(Int, tensor: String, offset: Int)
    /// A dimension that is zero/negative, or whose product overflows.
    case invalidDimensions([UInt64], tensor: String, offset: Int)
    /// The row length (dimensions[0]) is not a multiple of the type's block size.
    case rowNotBlockMultiple(rowLength: Int, blockSize: Int, type: String, tensor: String, offset: Int)
    /// A tensor's data offset is not a multiple of the alignment.
    case misalignedTensor(tensor: String, dataOffset: UInt64, alignment: Int, offset: Int)
    /// A tensor's bytes extend past the end of the file.
    case tensorOutOfBounds(tensor: String, dataOffset: UInt64, byteCount: Int, dataSectionSize: Int, offset: Int)
    /// A required metadata key is absent.
    case missingKey(String)
    /// A metadata key holds a different type than required (`offset` is where its value starts).
    case wrongType(key: String, expected: String, found: String, offset: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open GGUF file '\(path)': \(reason). Check the path and permissions."
        case .badMagic(let found, let offset):
            let hex = found.map { String($0, radix: 16) }.joined(separator: " ")
            return "not a GGUF file: expected magic 'GGUF' (47 47 55 46) at byte \(offset), found \(hex)"
        case .unsupportedVersion(let v, let offset):
            return "unsupported GGUF version \(v) at byte \(offset): expected 2 or 3. Re-convert the model with a current llama.cpp."
        case .truncated(let what, let offset, let needed, let available):
            return "GGUF file truncated in \(what) at byte \(offset): needed \(needed) bytes, only \(available) left. The file is incomplete; download it again."
        case .countTooLarge(let what, let count, let offset, let minimumBytes, let available):
            return "implausible \(what) \(count) at byte \(offset): it needs at least \(minimumBytes) bytes but only \(available) remain. The file is corrupt."
        case .unknownValueType(let t, let key, let offset):
            return "unknown metadata value type \(t) for key '\(key)' at byte \(offset): expected 0...12. The file is corrupt or from a newer GGUF version."
        case .invalidBool(let b, let key, let offset):
            return "invalid bool byte \(b) for key '\(key)' at byte \(offset): expected 0 or 1"
        case .invalidUTF8(let what, let offset):
            return "\(what) at byte \(offset) is not valid UTF-8"
        case .nestingTooDeep(let key, let depth, let offset):
            return "metadata arrays for key '\(key)' nest deeper than \(depth) levels at byte \(offset); the file is corrupt"
        case .duplicateKey(let key, let offset):
            return "duplicate metadata key '\(key)' at byte \(offset): each key must appear once"
        case .duplicateTensor(let name, let offset):
            return "duplicate tensor name '\(name)' at byte \(offset): each tensor must appear once"
        case .invalidAlignment(let found, let offset):
            return "invalid general.alignment at byte \(offset): expected a positive power-of-two integer, found \(found)"
        case .unknownTensorType(let t, let tensor, let offset):
            let known = GGMLType.allCases.map { "\($0) (\($0.rawValue))" }.joined(separator: ", ")
            return "tensor '\(tensor)' has unsupported type id \(t) at byte \(offset); supported: \(known). Use a model quantised to one of these."
        case .tooManyDimensions(let n, let tensor, let offset):
            return "tensor '\(tensor)' declares \(n) dimensions at byte \(offset): expected at most 4"
        case .invalidDimensions(let dims, let tensor, let offset):
            return "tensor '\(tensor)' has invalid dimensions \(dims) at byte \(offset): each must be ≥ 1 and their byte size must fit in memory"
        case .rowNotBlockMultiple(let rowLength, let blockSize, let type, let tensor, let offset):
            return "tensor '\(tensor)' (\(type)) has row length \(rowLength) at byte \(offset): expected a multiple of the block size \(blockSize)"
        case .misalignedTensor(let tensor, let dataOffset, let alignment, let offset):
            return "tensor '\(tensor)' data offset \(dataOffset) (declared at byte \(offset)) is not a multiple of the alignment \(alignment)"
        case .tensorOutOfBounds(let tensor, let dataOffset, let byteCount, let size, let offset):
            return "tensor '\(tensor)' (declared at byte \(offset)) spans data bytes \(dataOffset)..<\(dataOffset &+ UInt64(byteCount)) but the data section holds only \(size) bytes; the file is truncated or corrupt"
        case .missingKey(let key):
            return "required metadata key '\(key)' is missing from the GGUF file"
        case .wrongType(let key, let expected, let found, let offset):
            return "metadata key '\(key)' (value at byte \(offset)) holds \(found), expected \(expected)"
        }
    }
}
