/// How activations enter products with quantised weight matrices (the arithmetic knob of the forward pass).
public enum ActivationPrecision: String, Sendable, CaseIterable, Codable {
    /// fp32 activations in every product: the reference-faithful path (SmolLM2's logits stay within ~1e-6 of a
    /// float64 oracle).
    case float32
    /// Single-token products (generation) quantise their input to 16-bit blocks of 32 and run integer kernels
    /// against Q8_0, Q4_0 and Q4_1 weights; other weight types and batched products (prefill, parallel sequences)
    /// stay fp32. Logits move by ~1e-4 of their largest magnitude (8-bit activations would move them 1–3 %).
    case int16
    /// As ``int16``, except that products with Q4_1 matrices held in the x8 layout (the default for a resident
    /// model) quantise their input to 8-bit blocks of 32 (llama.cpp's Q8_1 with fp32 scales) and run the u8×s8
    /// kernels, which do twice the multiply-adds per instruction; every other product stays int16. Logits move by
    /// about 2–4 % of their largest magnitude on SmolLM2 (int16: ~1e-4; top-1 unchanged on the oracle prompts), as llama.cpp's own 8-bit activations do.
    /// Spelled `int8-blocks` (plain `int8` names the number format that rounds every product's input per row).
    case int8 = "int8-blocks"

    /// The default of every engine: the fast generation path.
    public static let `default` = ActivationPrecision.int16
}
