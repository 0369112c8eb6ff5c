import Numerics
import ArgumentParser
import Cost
import Foundation
import GGUF

/// `reckon cost`: what one token costs under an arithmetic, for a model's shape (read from its GGUF header).
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Per-token cost of an arithmetic: FLOPs, bytes of weights and KV read, ACE, energy estimate.",
        discussion: """
        The model's shape comes from its GGUF header (no weights are read). Counts are for one token at a position \
        attending over --context positions, batch 1: FLOPs = 2 × multiply-accumulates (weight products and \
        attention); weight bytes = every product matrix read once in its format, scales included; KV bytes = the \
        keys and values of --context positions read once; ACE (PokeBNN) = Σ over multiply-accumulates of \
        bits(a)·bits(w) (an L-Mul product counts its adder, exponent + m bits). Energy is an ESTIMATE from the 45 nm \
        per-operation table (Horowitz, ISSCC 2014) plus DRAM reads at 1.3 nJ per 64 bits; it is not a measurement.

        Formats (--weights, --activations, --kv): \(OperandFormat.knownNames.joined(separator: ", ")), intK (one \
        fp32 scale per row) and intK-gG (one fp16 scale per G elements), e.g. int8, int4-g32. --weights native \
        keeps each matrix in the type the file stores.

        --format json prints one object: model, weights, activations, kv, matmul, attention, context (positions), \
        matmulMACs, attentionMACs, flops, weightBytes, kvBytes, ace, computeEnergyJoules, memoryEnergyJoules, \
        energyJoules (the last three estimates), energyIsEstimate (true), energySource, layers, attentionDim, kvDim, \
        matmulParameters, kvBytesPerElement.
        """)

    @Option(help: "GGUF model file (default: SmolLM2-135M-Instruct, fetched into the cache on first use).")
    var model: String?
    @Option(help: "Weight format, or native (each matrix as the file stores it).") var weights: String = "native"
    @Option(help: "Activation format (the inputs of every product).") var activations: String = "fp32"
    @Option(help: "KV-cache format.") var kv: String = "fp32"
    @Option(help: "Multiplication in the weight products: exact or lmul:m=M.") var matmul: String = "exact"
    @Option(help: "Multiplication in attention: exact or lmul:m=M.") var attention: String = "exact"
    @Option(help: "Positions the token attends over (itself included).") var context: Int = 512
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        guard context >= 1 else { throw ValidationError("--context must be ≥ 1 position, got \(context)") }
        _ = try arithmetic()
    }

    /// The arithmetic the options name.
    func arithmetic() throws -> ArithmeticCost {
        do {
            return ArithmeticCost(
                weights: weights == "native" ? nil : try OperandFormat(name: weights, role: "--weights"),
                activations: try OperandFormat(name: activations, role: "--activations"),
                kv: try OperandFormat(name: kv, role: "--kv"), matmul: try Multiplier(parsing: matmul),
                attention: try Multiplier(parsing: attention))
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let path = try ModelOptions.modelPath(model)
        let file = try GGUFFile(path: path)
        let shape = try TransformerShape.of(file, path: path)
        let arithmetic = try arithmetic()
        let cost: TokenCost
        do { cost = try arithmetic.perToken(shape, context: context) } catch {
            throw ValidationError(error.description)
        }
        switch format {
        case .json: print(try jsonLine(CostReport(model: path, arithmetic: arithmetic, cost: cost)))
        case .text: print(Self.render(cost, model: path, shape: shape))
        }
    }

    static func render(_ cost: TokenCost, model: String, shape: TransformerShape) -> String {
        func number(_ value: Double) -> String { String(format: "%.4g", value) }
        return [
            "model       \(model)",
            "shape       \(shape.layers) layers, d_attn \(shape.attentionDim), d_kv \(shape.kvDim), \(shape.matrices.count) product matrices, \(shape.matmulParameters) weights in products",
            "arithmetic  \(cost.arithmetic)",
            "per token at context \(cost.context):",
            "  FLOPs          \(number(cost.flops))  (2 × (\(number(cost.matmulMACs)) matmul + \(number(cost.attentionMACs)) attention MACs))",
            "  weight bytes   \(number(cost.weightBytes))",
            "  KV bytes read  \(number(cost.kvBytes))",
            "  ACE            \(number(cost.ace))",
            "  energy         \(number(cost.energyJoules)) J  (ESTIMATE: compute \(number(cost.computeEnergyJoules)) J + DRAM \(number(cost.memoryEnergyJoules)) J; 45 nm table, Horowitz 2014)",
        ].joined(separator: "\n")
    }
}

/// The `reckon cost --format json` object (keys documented in the command's help; a stable contract).
struct CostReport: Encodable {
    var model: String
    var weights: String
    var activations: String
    var kv: String
    var matmul: String
    var attention: String
    var context: Int
    var matmulMACs: Double
    var attentionMACs: Double
    var flops: Double
    var weightBytes: Double
    var kvBytes: Double
    var ace: Double
    var computeEnergyJoules: Double
    var memoryEnergyJoules: Double
    var energyJoules: Double
    var energyIsEstimate = true
    var energySource = "45 nm per-operation table (Horowitz, ISSCC 2014) and DRAM at 1.3 nJ per 64 bits"
    var layers: Int
    var attentionDim: Int
    var kvDim: Int
    var matmulParameters: Int
    var kvBytesPerElement: Double

    init(model: String, arithmetic: ArithmeticCost, cost: TokenCost) {
        self.model = model
        weights = arithmetic.weights?.name ?? "native"
        activations = arithmetic.activations.name
        kv = arithmetic.kv.name
        matmul = arithmetic.matmul.description
        attention = arithmetic.attention.description
        context = cost.context
        matmulMACs = cost.matmulMACs
        attentionMACs = cost.attentionMACs
        flops = cost.flops
        weightBytes = cost.weightBytes
        kvBytes = cost.kvBytes
        ace = cost.ace
        computeEnergyJoules = cost.computeEnergyJoules
        memoryEnergyJoules = cost.memoryEnergyJoules
        energyJoules = cost.energyJoules
        layers = cost.layers
        attentionDim = cost.attentionDim
        kvDim = cost.kvDim
        matmulParameters = cost.matmulParameters
        kvBytesPerElement = cost.kvBytesPerElement
    }
}
