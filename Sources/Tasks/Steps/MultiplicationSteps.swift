import BigInt
import Exact

/// Long multiplication for `arithmetic-mul`: one step per digit of the second operand (least significant first)
/// holding the partial product, its shift and the running sum, then `Answer: <product>`.
///
/// Step shape: `Partial product 2: 483 × 5 = 2415, shifted 1 places: 24150; running sum 2898 + 24150 = 27048.`
/// Errors: a slipped digit in a partial product or a running sum (later steps build on the wrong value), the first
/// operand or the multiplier digit copied wrong (the product is then right for the wrong number), a slipped digit
/// in the answer.
public struct MultiplicationSteps: StepFamily {
    public init() {}
    public var id: String { "arithmetic-mul" }
    public var taskFamily: any TaskFamily { ArithmeticFamily(operation: .multiply) }
    public var errorKinds: [StepErrorKind] { [.slippedDigit, .copiedWrong] }

    static let partialSkeleton = "Partial product #: # × # = #, shifted # places: #; running sum # + # = #."
    static let answerSkeleton = "Answer: #."

    public func problem(from instance: TaskInstance) -> StepProblem {
        let a = instance.data["a"] ?? "0", b = instance.data["b"] ?? "0"
        return StepProblem(
            statement: "What is \(a) × \(b)? Multiply \(a) by each digit of \(b) from the least significant, shift each "
                + "partial product, and keep a running sum.",
            data: ["a": a, "b": b])
    }

    public func solve(_ problem: StepProblem, fault: StepFault?) -> [String]? {
        guard let aText = problem.data["a"], let a = BigUInt(aText, radix: 10),
              let y = StepText.digitsLeastFirst(problem.data["b"] ?? "", maxDigits: 10_000) else { return nil }
        var steps: [String] = []
        var sum = BigUInt.zero
        var applied = false
        for (k, trueDigit) in y.enumerated() {
            var first = a, digit = trueDigit
            var rng = TaskRNG(seed: fault?.draw ?? 0)
            let here = fault?.step == steps.count ? fault?.kind : nil
            if here != nil { applied = true }
            let slipPartial = rng.bool()
            if here == .copiedWrong {
                if rng.bool() { first = BigUInt(StepText.slip(aText, using: &rng), radix: 10)! } else { digit = (digit + rng.int(in: 1...9)) % 10 }
            }
            var partial = first * BigUInt(digit)
            if here == .slippedDigit && slipPartial { partial = BigUInt(StepText.slip(String(partial), using: &rng), radix: 10)! }
            let shifted = partial * BigUInt.powerOfTen(k)
            let previous = sum
            sum = previous + shifted
            if here == .slippedDigit && !slipPartial { sum = BigUInt(StepText.slip(String(sum), using: &rng), radix: 10)! }
            steps.append("Partial product \(k + 1): \(first) × \(digit) = \(partial), shifted \(k) places: \(shifted); "
                + "running sum \(previous) + \(shifted) = \(sum).")
        }
        var answer = String(sum)
        if fault?.step == steps.count {
            guard fault?.kind == .slippedDigit else { return nil }
            var rng = TaskRNG(seed: fault?.draw ?? 0)
            answer = StepText.slip(answer, using: &rng)
            applied = true
        }
        steps.append("Answer: \(answer).")
        guard fault == nil || applied else { return nil }
        return steps
    }

    public func firstWrongStep(_ steps: [String], data: [String: String]) throws(TasksError) -> Int {
        guard let aText = data["a"], aText.count <= 10_000, let a = BigUInt(aText, radix: 10),
              let bText = data["b"], let b = BigUInt(bText, radix: 10), let y = StepText.digitsLeastFirst(bText, maxDigits: 10_000)
        else { throw .invalidStepData(family: id, reason: "expected \"a\" and \"b\" as decimal integers of at most 10,000 digits") }
        var sum = BigUInt.zero
        for (k, digit) in y.enumerated() {
            guard k < steps.count else { return steps.count }
            let partial = a * BigUInt(digit)
            let shifted = partial * BigUInt.powerOfTen(k)
            let expected = [BigUInt(k + 1), a, BigUInt(digit), partial, BigUInt(k), shifted, sum, shifted, sum + shifted]
            guard StepText.integers(in: steps[k], skeleton: Self.partialSkeleton) == expected else { return k }
            sum += shifted
        }
        let last = y.count
        guard last < steps.count else { return steps.count }
        guard StepText.integers(in: steps[last], skeleton: Self.answerSkeleton) == [a * b] else { return last }
        return last + 1 < steps.count ? last + 1 : -1
    }
}
