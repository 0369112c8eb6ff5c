import Cost
import Engine
import Model

extension EvalCommand {
    /// The per-token cost recorded with a local run, for the arithmetic Reckon runs it with: weights as the file
    /// stores them, activations `int16` or `fp32` (`--activations`), an fp32 KV cache, exact products; at a context
    /// of the run's most generated tokens (`--max-tokens`), a representative position.
    static func runCost(_ engine: LocalEngine, activations: ActivationPrecision, context: Int) throws -> TokenCost {
        let shape = try TransformerShape.of(engine.file, path: engine.modelIdentifier)
        let arithmetic = ArithmeticCost(
            weights: nil, activations: try OperandFormat(name: activations == .int16 ? "int16" : "fp32"),
            kv: try OperandFormat(name: "fp32"))
        return try arithmetic.perToken(shape, context: max(1, context))
    }
}
