import Answers
import BigInt
import Exact

/// One arithmetic operation as a task family (`arithmetic-add`, `arithmetic-sub`, `arithmetic-mul`,
/// `arithmetic-divmod`, `arithmetic-mod`, `arithmetic-powmod`).
///
/// Parameters: one digit count per operand (1...30), `format` (plain, reversed, zero-padded, digit-spaced) and
/// `scratchpad` (none, steps). Operands are uniform among numbers with exactly that many digits (a one-digit
/// operand is 0...9; divisors are redrawn until nonzero, moduli until ≥ 2). The answer is the result written in
/// the format (`Q remainder R` for divmod). Grading reads the last `\boxed{}`, else the text after
/// "answer is"/"Answer:", else the whole response; takes the last number token in the format (the last two for
/// divmod), undoes the format, and compares values exactly. Metrics: `digit_match` (fraction of reference
/// digits matched position-wise from the least significant end) and `length_diff` (|#digits − #reference digits|).
public struct ArithmeticFamily: TaskFamily {
    public let operation: ArithmeticOperation
    public let version = 1
    /// Difficulty parameter names of the operands, and the `data` keys their values are stored under.
    private let operandParameters: [String]
    private let operandKeys: [String]

    public init(operation: ArithmeticOperation) {
        self.operation = operation
        operandParameters = operation.operands.map(\.name)
        operandKeys = operandParameters.map { String($0.dropFirst("digits_".count)) }
    }

    public var id: String { operation.familyID }
    public var summary: String { operation.summary }

    public static let maxDigits = 30

    public var parameters: [DifficultyParameter] {
        operation.operands.map { .integer($0.name, 1...ArithmeticFamily.maxDigits, default: $0.defaultDigits, $0.summary) }
            + [
                .choice(
                    "format", ArithmeticFormat.allCases.map(\.rawValue), default: "plain",
                    "how numbers are written: plain, reversed (least significant digit first), zero-padded, digit-spaced"),
                .choice("scratchpad", ["none", "steps"], default: "none", "ask for a step-by-step worked solution"),
            ]
    }

    // MARK: Generation

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let digitCounts = operandParameters.map { difficulty.int($0) }
        var operands: [BigUInt] = []
        for (position, digits) in digitCounts.enumerated() {
            var value = BigUInt.random(digits: digits, using: &rng)
            let minimum: UInt64 = (operation == .powmod && position == 2) ? 2 : 1
            let needsMinimum = (operation == .divmod || operation == .mod) && position == 1 || operation == .powmod && position == 2
            while needsMinimum && value < BigUInt(minimum) { value = BigUInt.random(digits: digits, using: &rng) }
            operands.append(value)
        }
        let format = ArithmeticFormat(rawValue: difficulty.string("format")) ?? .plain
        let steps = difficulty.string("scratchpad") == "steps"
        let results = compute(operands)
        let widths = resultWidths(digitCounts)
        let operandWidth = digitCounts.max() ?? 1
        let rendered = operands.map { format.render($0, width: operandWidth) }
        let answer = renderAnswer(results, widths: widths, format: format)

        let question: String
        switch operation {
        case .add, .subtract, .multiply:
            question = "What is \(rendered[0]) \(operation.symbol) \(rendered[1])?"
        case .divmod:
            question = "Divide \(rendered[0]) by \(rendered[1]). Give the quotient and the remainder in the form "
                + "`Q remainder R`."
        case .mod:
            question = "What is \(rendered[0]) mod \(rendered[1])?"
        case .powmod:
            question = "What is \(rendered[0])^\(rendered[1]) mod \(rendered[2])?"
        }
        var lead: [String] = []
        if let explanation = format.explanation(operandWidth: operandWidth, resultWidth: widths[0]) {
            if operation == .divmod && format == .zeroPadded {
                lead.append(
                    "Operands are zero-padded to \(operandWidth) digits; write the quotient zero-padded to "
                        + "\(widths[0]) digits and the remainder to \(widths[1]) digits.")
            } else {
                lead.append(explanation)
            }
        }
        lead.append(question)
        let plainTail: String
        let boxedTail: String
        if steps {
            let how = "Work it out step by step (\(ArithmeticScratchpad.instruction(for: operation)))."
            plainTail = how + " Then write the final result on the last line as `Answer: <result>`."
            boxedTail = how + " Then put the final result in \\boxed{}."
        } else {
            plainTail = "Reply with the result only."
            boxedTail = "Put the final result in \\boxed{}."
        }
        var data: [String: String] = [:]
        for (name, value) in zip(operandKeys, operands) { data[name] = value.decimalString }
        data["result"] = results.map(\.description).joined(separator: " ")
        if steps { data["scratchpad"] = (scratchpad(operands) + ["Answer: \(answer)"]).joined(separator: "\n") }
        var head = ""
        for part in lead { head += part + " " }
        return TaskInstance(
            id: TaskInstance.makeID(family: id, seed: seed, index: index), family: id, version: version, seed: seed,
            index: index, params: difficulty.values, prompt: head + plainTail, boxedPrompt: head + boxedTail,
            answer: answer, data: data)
    }

    /// Results (two for divmod).
    func compute(_ x: [BigUInt]) -> [BigInt] {
        switch operation {
        case .add: return [BigInt(magnitude: x[0] + x[1])]
        case .subtract:
            return x[0] >= x[1]
                ? [BigInt(magnitude: x[0] - x[1])] : [BigInt(magnitude: x[1] - x[0], isNegative: true)]
        case .multiply: return [BigInt(magnitude: x[0] * x[1])]
        case .divmod:
            let (q, r) = x[0].quotientAndRemainder(dividingBy: x[1])
            return [BigInt(magnitude: q), BigInt(magnitude: r)]
        case .mod: return [BigInt(magnitude: x[0] % x[1])]
        case .powmod: return [BigInt(magnitude: x[0].power(x[1], modulus: x[2]))]
        }
    }

    /// Zero-padding widths of the results: the largest possible result length.
    func resultWidths(_ digits: [Int]) -> [Int] {
        switch operation {
        case .add: return [max(digits[0], digits[1]) + 1]
        case .subtract: return [max(digits[0], digits[1])]
        case .multiply: return [digits[0] + digits[1]]
        case .divmod: return [digits[0], digits[1]]
        case .mod: return [digits[1]]
        case .powmod: return [digits[2]]
        }
    }

    func renderAnswer(_ results: [BigInt], widths: [Int], format: ArithmeticFormat) -> String {
        let parts = zip(results, widths).map { format.render($0, width: $1) }
        return parts.joined(separator: " remainder ")
    }

    func scratchpad(_ x: [BigUInt]) -> [String] {
        switch operation {
        case .add: return ArithmeticScratchpad.add(x[0], x[1])
        case .subtract: return ArithmeticScratchpad.subtract(x[0], x[1])
        case .multiply: return ArithmeticScratchpad.multiply(x[0], x[1])
        case .divmod, .mod: return ArithmeticScratchpad.longDivision(x[0], x[1])
        case .powmod: return ArithmeticScratchpad.powerMod(x[0], x[1], x[2])
        }
    }

    // MARK: Grading

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        let format = ArithmeticFormat(rawValue: instance.params["format"] ?? "plain") ?? .plain
        let expectedCount = operation == .divmod ? 2 : 1
        let gold = format.numberTokens(in: Substring(instance.answer)).compactMap { format.digits(of: $0) }
        guard gold.count == expectedCount else {
            return .unparseable(detail: "reference answer '\(instance.answer)' does not parse in format \(format.rawValue)")
        }
        let candidate: Substring
        if let boxed = AnswerExtractor.lastBoxed(in: response) {
            candidate = Substring(boxed)
        } else if let stated = AnswerExtractor.lastAnswerIs(in: response), !format.numberTokens(in: Substring(stated)).isEmpty {
            candidate = Substring(stated)
        } else {
            candidate = Substring(response)
        }
        let tokens = format.numberTokens(in: candidate)
        guard tokens.count >= expectedCount else {
            return .unparseable(detail: "no \(expectedCount == 2 ? "quotient and remainder" : "number") found")
        }
        let picked = tokens.suffix(expectedCount)
        let values = picked.compactMap { format.digits(of: $0) }
        guard values.count == expectedCount else { return .unparseable(detail: "could not read \(Array(picked))") }
        var extracted = ""
        for (k, value) in values.enumerated() {
            if k > 0 { extracted += " remainder " }
            if value.negative { extracted += "-" }
            extracted += String(decoding: value.digits, as: UTF8.self)
        }
        let metrics = ArithmeticFamily.digitMetrics(gold: gold, prediction: values)
        let same = zip(gold, values).allSatisfy { $0.negative == $1.negative && $0.digits == $1.digits }
        return same ? .correct(extracted: extracted, metrics: metrics) : .incorrect(extracted: extracted, metrics: metrics)
    }

    /// `digit_match`: matched reference digits (aligned at the least significant end; a minus sign counts as one
    /// more digit) over reference digits; `length_diff`: total |#digits − #reference digits|.
    static func digitMetrics(gold: [(negative: Bool, digits: [UInt8])], prediction: [(negative: Bool, digits: [UInt8])])
        -> [String: Double]
    {
        var matched = 0, total = 0, lengthDiff = 0
        for (g, p) in zip(gold, prediction) {
            let gd = g.digits, pd = p.digits
            for i in 0..<min(gd.count, pd.count) where gd[gd.count - 1 - i] == pd[pd.count - 1 - i] { matched += 1 }
            total += gd.count
            if g.negative {
                total += 1
                if p.negative { matched += 1 }
            }
            lengthDiff += abs(gd.count - pd.count)
        }
        return ["digit_match": total == 0 ? 0 : Double(matched) / Double(total), "length_diff": Double(lengthDiff)]
    }
}
