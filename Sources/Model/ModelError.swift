/// Errors raised while building or running a model.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// `general.architecture` names an architecture Reckon does not implement.
    case unsupportedArchitecture(String, supported: [String])
    /// A required metadata key is absent or has the wrong type.
    case missingMetadata(key: String, expected: String)
    /// A metadata value is present but unusable.
    case invalidMetadata(key: String, value: String, expected: String)
    /// A required tensor is absent.
    case missingTensor(String)
    /// A tensor's shape or type does not fit the hyper-parameters.
    case tensorShapeMismatch(name: String, expected: String, found: String)
    /// A tensor uses a block type the kernels cannot read.
    case unsupportedTensorType(name: String, type: String)
    /// A token id is outside the vocabulary.
    case tokenOutOfRange(token: Int, vocabularySize: Int)
    /// The KV cache (context window) is full.
    case contextFull(needed: Int, capacity: Int)
    /// Every page of a limited KV page pool is in use (`limit` pages of `positionsPerPage` positions,
    /// `bytesPerPage` bytes each); nothing was written.
    case kvPagesExhausted(positionsPerPage: Int, limit: Int, bytesPerPage: Int)
    /// A tensor cannot be re-encoded in the number format a numerics mode asks for (e.g. rows that are not whole
    /// blocks of the format).
    case unsupportedNumerics(name: String, format: String, reason: String)

    public var description: String {
        switch self {
        case let .unsupportedArchitecture(name, supported):
            return "model architecture '\(name)' is not supported; Reckon implements: \(supported.joined(separator: ", "))"
        case let .missingMetadata(key, expected):
            return "model metadata key '\(key)' is missing: expected \(expected)"
        case let .invalidMetadata(key, value, expected):
            return "model metadata key '\(key)' = \(value) is invalid: expected \(expected)"
        case let .missingTensor(name):
            return "model tensor '\(name)' is missing from the file"
        case let .tensorShapeMismatch(name, expected, found):
            return "model tensor '\(name)' has shape \(found), expected \(expected)"
        case let .unsupportedTensorType(name, type):
            return "model tensor '\(name)' has type \(type), which the kernels cannot read"
        case let .tokenOutOfRange(token, size):
            return "token id \(token) is outside the vocabulary (0..<\(size))"
        case let .contextFull(needed, capacity):
            return "context window full: \(needed) positions needed, the KV cache holds \(capacity); use a shorter prompt or fewer tokens, or a larger --context"
        case let .kvPagesExhausted(positionsPerPage, limit, bytesPerPage):
            let megabytes = Double(limit) * Double(bytesPerPage) / 1e6
            return "KV memory exhausted: all \(limit) pages of \(positionsPerPage) positions "
                + "(\((megabytes * 10).rounded() / 10) MB) are in use and one more is needed; stop or finish some sequences, "
                + "ask for fewer samples or tokens, or raise the KV memory limit"
        case let .unsupportedNumerics(name, format, reason):
            return "model tensor '\(name)' cannot be rounded to \(format): \(reason); choose another format"
        }
    }
}
