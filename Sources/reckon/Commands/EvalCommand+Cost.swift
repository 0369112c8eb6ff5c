import Cost
import Engine
import Model
import Numerics

extension EvalCommand {
    /// The per-token cost recorded with a local run, for the arithmetic the engine really runs (``NumericsMode``:
    /// weights as the file stores them or re-encoded with `--weights`, `--activations` int16/fp32 or a rounding
    /// format, `--kv`, `--matmul`/`--attention`), at a context of the run's most generated tokens (`--max-tokens`),
    /// a representative position.
    static func runCost(_ engine: LocalEngine, context: Int) throws -> TokenCost {
        let shape = try TransformerShape.of(engine.file, path: engine.modelIdentifier)
        return try arithmetic(of: engine.numerics).perToken(shape, context: max(1, context))
    }

    /// The cost model's description of a numerics mode (format names are shared by both tables).
    static func arithmetic(of mode: NumericsMode) throws -> ArithmeticCost {
        let activations = mode.activationFormat.isIdentity
            ? (mode.activations == .float32 ? "fp32" : mode.activations.rawValue) : mode.activationFormat.name
        return ArithmeticCost(
            weights: mode.weights.isIdentity ? nil : try OperandFormat(name: mode.weights.name, role: "--weights"),
            activations: try OperandFormat(name: activations, role: "--activations"),
            kv: try OperandFormat(name: mode.kv.name, role: "--kv"), matmul: mode.matmul, attention: mode.attention)
    }
}
