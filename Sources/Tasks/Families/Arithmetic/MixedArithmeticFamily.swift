/// The umbrella arithmetic family `arithmetic`: one `digits` knob for every operand and an `op` choice, delegating
/// generation and grading to the per-operation families (`arithmetic-add`, ...).
///
/// Parameters: `op` (add, sub, mul, divmod, mod, powmod, or mixed — uniform per instance), `digits` (1...30, every
/// operand; a power-mod exponent uses min(digits, 3) digits to keep the answer tractable), `format` and `scratchpad`
/// as in ``ArithmeticFamily``. The instance records the operation in `data["operation"]`; grading uses it.
public struct MixedArithmeticFamily: TaskFamily {
    public let id = "arithmetic"
    public let version = 1
    public let summary = "Arithmetic with one digits knob: add, sub, mul, divmod, mod, powmod, or mixed."

    static let operations: [(name: String, operation: ArithmeticOperation)] = [
        ("add", .add), ("sub", .subtract), ("mul", .multiply), ("divmod", .divmod), ("mod", .mod), ("powmod", .powmod),
    ]

    public init() {}

    public var parameters: [DifficultyParameter] {
        [
            .choice("op", Self.operations.map(\.name) + ["mixed"], default: "add",
                    "operation (mixed: uniform over all six, drawn per instance)"),
            .integer("digits", 1...ArithmeticFamily.maxDigits, default: 3, "decimal digits of every operand"),
            .choice("format", ArithmeticFormat.allCases.map(\.rawValue), default: "plain",
                    "how numbers are written: plain, reversed, zero-padded, digit-spaced"),
            .choice("scratchpad", ["none", "steps"], default: "none", "ask for a step-by-step worked solution"),
        ]
    }

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let requested = difficulty.string("op")
        let chosen = requested == "mixed"
            ? rng.pick(Self.operations)
            : Self.operations.first { $0.name == requested }!
        let family = ArithmeticFamily(operation: chosen.operation)
        let digits = difficulty.int("digits")
        var values: [String: String] = ["format": difficulty.string("format"), "scratchpad": difficulty.string("scratchpad")]
        for operand in chosen.operation.operands {
            let isExponent = chosen.operation == .powmod && operand.name == "digits_exponent"
            let isModulus = chosen.operation == .powmod && operand.name == "digits_modulus"
            values[operand.name] = String(isExponent ? min(digits, 3) : (isModulus ? max(digits, 2) : digits))
        }
        // Each instance draws its operands from its own stream: mix the umbrella seed with the operation.
        var instance = family.generate(seed: rng.next(), difficulty: Difficulty(values: values), index: index)
        instance.id = TaskInstance.makeID(family: id, seed: seed, index: index)
        instance.family = id
        instance.version = version
        instance.seed = seed
        instance.index = index
        instance.params = difficulty.values
        instance.data["operation"] = chosen.name
        return instance
    }

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let name = instance.data["operation"], let entry = Self.operations.first(where: { $0.name == name }) else {
            return .unparseable(detail: "instance has no valid data[\"operation\"]: regenerate it with this Reckon version")
        }
        return ArithmeticFamily(operation: entry.operation).grade(response: response, instance: instance)
    }
}
