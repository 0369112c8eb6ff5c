/// How activations enter products with quantised weight matrices (the arithmetic knob of the forward pass).
public enum ActivationPrecision: String, Sendable, CaseIterable, Codable {
    /// fp32 activations in every product: the reference-faithful path (SmolLM2's logits stay within ~1e-6 of a
    /// float64 oracle).
    case float32
    /// Single-token products (generation) quantise their input to 16-bit blocks of 32 and run integer kernels
    /// against Q8_0, Q4_0 and Q4_1 weights; other weight types and batched products (prefill, parallel sequences)
    /// stay fp32. Logits move by ~1e-4 of their largest magnitude (8-bit activations would move them 1–3 %).
    case int16

    /// The default of every engine: the fast generation path.
    public static let `default` = ActivationPrecision.int16
}
