/// How the multiplications of a product are done: exactly (IEEE fp32) or by L-Mul (``LMul``, bit-level, operands
/// rounded to `m` fraction bits), always with fp32 accumulation.
///
/// Command-line form: `exact`, or `lmul:m=M` with M in 1...23 (`lmul` alone means m = 23, the fp32 integer program).
public enum Multiplier: Sendable, Hashable, Codable, CustomStringConvertible {
    /// IEEE fp32 multiplication.
    case exact
    /// L-Mul with operands rounded to `mantissaBits` (1...23) fraction bits.
    case lmul(mantissaBits: Int)

    /// Parses `exact`, `lmul` or `lmul:m=M`.
    /// - Throws: ``NumericsError/unknownMultiplier(_:)`` for anything else (including M outside 1...23).
    public init(parsing text: String) throws(NumericsError) {
        let lowered = text.lowercased()
        if lowered == "exact" { self = .exact; return }
        if lowered == "lmul" { self = .lmul(mantissaBits: 23); return }
        guard lowered.hasPrefix("lmul:m="), let m = Int(lowered.dropFirst("lmul:m=".count)),
              LMul.fp32MantissaBits.contains(m) else { throw .unknownMultiplier(text) }
        self = .lmul(mantissaBits: m)
    }

    /// The command-line form: `exact` or `lmul:m=M`.
    public var description: String {
        switch self {
        case .exact: "exact"
        case .lmul(let m): "lmul:m=\(m)"
        }
    }

    /// Bits of each operand that reach the multiplier: 24 (fp32 significand) when exact, M + 1 for L-Mul (the
    /// integer adder sees the exponent and M fraction bits; useful for cost models).
    public var significandBits: Int {
        switch self {
        case .exact: 24
        case .lmul(let m): m + 1
        }
    }
}
