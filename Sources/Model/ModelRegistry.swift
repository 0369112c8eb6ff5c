import GGUF

/// Finds the implementation for a model file by its `general.architecture`.
///
/// To add an architecture: write `Sources/Model/<Family>/<Family>Model.swift` conforming to `LanguageModel`, with
/// its hyper-parameters read from `<arch>.*` metadata, and add one entry to `loaders` below.
public enum ModelRegistry {
    public typealias Loader = @Sendable (GGUFFile, WorkerPool, NumericsMode) throws(ModelError) -> any LanguageModel

    /// Architecture name → loader.
    public static let loaders: [String: Loader] = [
        "llama": { (file, pool, numerics) throws(ModelError) in
            try LlamaModel(file: file, pool: pool, numerics: numerics)
        },
    ]

    /// Loads the model described by `file`, sharing `pool` for its kernels.
    public static func load(_ file: GGUFFile, pool: WorkerPool,
                            activations: ActivationPrecision = .default) throws(ModelError) -> any LanguageModel {
        try load(file, pool: pool, numerics: NumericsMode(activations: activations))
    }

    /// Loads the model described by `file` to run on the arithmetic `numerics` describes.
    public static func load(_ file: GGUFFile, pool: WorkerPool, numerics: NumericsMode) throws(ModelError)
        -> any LanguageModel {
        guard let architecture = file.metadata.string("general.architecture") else {
            throw .missingMetadata(key: "general.architecture", expected: "a string such as \"llama\"")
        }
        guard let loader = loaders[architecture] else {
            throw .unsupportedArchitecture(architecture, supported: loaders.keys.sorted())
        }
        return try loader(file, pool, numerics)
    }
}
