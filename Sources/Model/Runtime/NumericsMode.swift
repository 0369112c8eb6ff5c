import Numerics

/// The arithmetic a model runs on (issue 12's inference modes): the number formats of weights, activations and
/// KV-cache entries, and how the multiplications of the matrix products and of attention are done.
///
/// Every low-precision format is emulated: values are rounded to the format (``NumberFormat/rounded(_:rowLength:)``)
/// and then computed on in fp32, so a mode changes the numbers exactly as the format would and leaves speed and
/// memory to the fp32 kernels (see ``weights`` for what is stored). Accumulation is always fp32.
///
/// The default (``default``) is the model as stored, with int16-block activations in generation: what Reckon ran
/// before modes existed.
public struct NumericsMode: Sendable, Hashable, CustomStringConvertible {
    /// The weight matrices (every 2-D tensor: attention, feed-forward, token embedding and output), re-encoded on load
    /// from whatever GGUF type the file stores: `.float32` keeps them as stored (no re-encoding). Re-encoded
    /// matrices are kept decoded, as fp32 values the format represents (F32 tensors), except fp16, bf16 (LayerCast:
    /// bf16 storage, fp32 compute), q8_0, q4_0 and q4_1, which are stored in the real GGUF type and run its kernels.
    /// Norm vectors stay fp32.
    public var weights: NumberFormat
    /// How activations enter products with quantised weights when they are not rounded (``activationFormat`` is
    /// `.float32`): int16 blocks (the fast generation path) or fp32.
    public var activations: ActivationPrecision
    /// The format the input vector of every matrix product is rounded to (per vector: scales are per token) before
    /// the product, which then runs in fp32. Not `.float32` implies fp32 products.
    public var activationFormat: NumberFormat
    /// The format keys and values are rounded to when the forward pass writes them into the KV cache (per token
    /// and layer: one row of `kvDimension` values). Stored as fp32 values of the format.
    public var kv: NumberFormat
    /// The multiplications of every weight-matrix product.
    public var matmul: Multiplier
    /// The multiplications of attention: the query-key scores and the probability-weighted sum of values.
    public var attention: Multiplier

    /// A mode; the defaults are those of ``default``.
    public init(weights: NumberFormat = .float32, activations: ActivationPrecision = .default,
                activationFormat: NumberFormat = .float32, kv: NumberFormat = .float32, matmul: Multiplier = .exact,
                attention: Multiplier = .exact) {
        self.weights = weights
        self.activations = activationFormat.isIdentity ? activations : .float32
        self.activationFormat = activationFormat
        self.kv = kv
        self.matmul = matmul
        self.attention = attention
    }

    /// The model as stored, int16-block activations in generation, fp32 KV, exact multiplication.
    public static let `default` = NumericsMode()

    /// Whether this is ``default``.
    public var isDefault: Bool { self == .default }

    /// Parses the command-line spelling of an activation setting: `int16`, `float32` (or `fp32`), or any
    /// ``NumberFormat`` name (the inputs of every product rounded to it).
    /// - Throws: ``NumericsError/unknownFormat(name:role:valid:)`` listing the valid names.
    public static func parseActivations(_ text: String) throws(NumericsError)
        -> (precision: ActivationPrecision, format: NumberFormat) {
        if let precision = ActivationPrecision(rawValue: text.lowercased()) { return (precision, .float32) }
        guard let format = NumberFormat(name: text) else {
            throw .unknownFormat(name: text, role: "activation",
                                 valid: "int16, int8-blocks, float32, " + NumberFormat.namesSummary)
        }
        return format.isIdentity ? (.float32, .float32) : (.float32, format)
    }

    /// What differs from ``default``, e.g. `"mxfp4 weights, fp8-e4m3 activations, lmul:m=3 matmul"`; empty for the
    /// default. `float32` activations alone read `"float32 activations"`, as run identities did before modes.
    public var description: String {
        var parts: [String] = []
        if !weights.isIdentity { parts.append("\(weights.name) weights") }
        if !activationFormat.isIdentity {
            parts.append("\(activationFormat.name) activations")
        } else if activations != .default {
            parts.append("\(activations.rawValue) activations")
        }
        if !kv.isIdentity { parts.append("\(kv.name) kv") }
        if matmul != .exact { parts.append("\(matmul) matmul") }
        if attention != .exact { parts.append("\(attention) attention") }
        return parts.joined(separator: ", ")
    }

    /// Storage bits per weight in a compact layout of ``weights`` (scales included, see
    /// ``NumberFormat/bitsPerValue``); nil for `.float32`, which keeps the file's own types (ask the file).
    public var bitsPerWeight: Double? { weights.isIdentity ? nil : weights.bitsPerValue }

    /// Bits per activation entering a product: the rounding format's, 16 for int16 blocks (plus a 32-bit scale per 32
    /// values: 17), 10 for int8 blocks, 32 for fp32.
    public var bitsPerActivation: Double {
        if !activationFormat.isIdentity { return activationFormat.bitsPerValue }
        switch activations {
        case .int16: return 17
        case .int8: return 10  // 8 bits plus an fp32 scale and an fp32 sum per 32 values
        case .float32: return 32
        }
    }

    /// Bits per KV-cache element in a compact layout of ``kv`` (32 for fp32; the emulation itself stores fp32).
    public var bitsPerKVElement: Double { kv.bitsPerValue }
}
