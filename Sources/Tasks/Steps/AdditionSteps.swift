import BigInt
import Exact

/// Column addition for `arithmetic-add`: one step per digit column (least significant first), a final-carry step
/// when the last column carries, and `Answer: <sum>`.
///
/// Step shapes: `Column 3: 4 + 9 + carry 1 = 14, write 4, carry 1.`, `Final carry: write 1.`, `Answer: 1645.`
/// Errors: a slipped written digit, a wrong carry, a digit copied wrong from an operand (the column's sum is then
/// right for the wrong digit), a slipped digit in the answer.
public struct AdditionSteps: StepFamily {
    public init() {}
    public var id: String { "arithmetic-add" }
    public var taskFamily: any TaskFamily { ArithmeticFamily(operation: .add) }
    public var errorKinds: [StepErrorKind] { [.slippedDigit, .wrongCarry, .copiedWrong] }

    static let columnSkeleton = "Column #: # + # + carry # = #, write #, carry #."
    static let finalCarrySkeleton = "Final carry: write #."
    static let answerSkeleton = "Answer: #."

    public func problem(from instance: TaskInstance) -> StepProblem {
        let a = instance.data["a"] ?? "0", b = instance.data["b"] ?? "0"
        return StepProblem(
            statement: "What is \(a) + \(b)? Add column by column from the least significant digit, tracking the carry.",
            data: ["a": a, "b": b])
    }

    public func solve(_ problem: StepProblem, fault: StepFault?) -> [String]? {
        guard let x = StepText.digitsLeastFirst(problem.data["a"] ?? "", maxDigits: 10_000),
              let y = StepText.digitsLeastFirst(problem.data["b"] ?? "", maxDigits: 10_000) else { return nil }
        var steps: [String] = []
        var written: [Int] = []
        var carry = 0
        var applied = false
        func faultHere() -> (StepErrorKind, TaskRNG)? {
            guard let fault, fault.step == steps.count else { return nil }
            applied = true
            return (fault.kind, TaskRNG(seed: fault.draw))
        }
        for column in 0..<max(x.count, y.count) {
            var p = column < x.count ? x[column] : 0, q = column < y.count ? y[column] : 0
            let here = faultHere()
            var rng = here?.1 ?? TaskRNG(seed: 0)
            if here?.0 == .copiedWrong {
                if rng.bool() { p = (p + rng.int(in: 1...9)) % 10 } else { q = (q + rng.int(in: 1...9)) % 10 }
            }
            let sum = p + q + carry
            var write = sum % 10, carryOut = sum / 10
            switch here?.0 {
            case .slippedDigit?: write = (write + rng.int(in: 1...9)) % 10
            case .wrongCarry?: carryOut = 1 - carryOut
            case .copiedWrong?, nil: break
            default: return nil
            }
            steps.append("Column \(column + 1): \(p) + \(q) + carry \(carry) = \(sum), write \(write), carry \(carryOut).")
            written.append(write)
            carry = carryOut
        }
        if carry > 0 {
            var write = carry
            if let here = faultHere() {
                guard here.0 == .slippedDigit else { return nil }
                var draw = here.1
                write = draw.int(in: 2...9)
            }
            steps.append("Final carry: write \(write).")
            written.append(write)
        }
        var answer = String(written.reversed().map { Character(String($0)) }).drop { $0 == "0" }.description
        if answer.isEmpty { answer = "0" }
        if let here = faultHere() {
            guard here.0 == .slippedDigit else { return nil }
            var draw = here.1
            answer = StepText.slip(answer, using: &draw)
        }
        steps.append("Answer: \(answer).")
        guard fault == nil || applied else { return nil }
        return steps
    }

    public func firstWrongStep(_ steps: [String], data: [String: String]) throws(TasksError) -> Int {
        guard let aText = data["a"], let a = BigUInt(aText, radix: 10), let x = StepText.digitsLeastFirst(aText, maxDigits: 10_000),
              let bText = data["b"], let b = BigUInt(bText, radix: 10), let y = StepText.digitsLeastFirst(bText, maxDigits: 10_000)
        else { throw .invalidStepData(family: id, reason: "expected \"a\" and \"b\" as decimal integers of at most 10,000 digits") }
        let columns = max(x.count, y.count)
        var carry = 0
        var position = 0
        for column in 0..<columns {
            guard position < steps.count else { return steps.count }
            let p = column < x.count ? x[column] : 0, q = column < y.count ? y[column] : 0
            guard let n = StepText.integers(in: steps[position], skeleton: Self.columnSkeleton),
                  n == [BigUInt(column + 1), BigUInt(p), BigUInt(q), BigUInt(carry), BigUInt(p + q + carry),
                        BigUInt((p + q + carry) % 10), BigUInt((p + q + carry) / 10)]
            else { return position }
            carry = (p + q + carry) / 10
            position += 1
        }
        if carry > 0 {
            guard position < steps.count else { return steps.count }
            guard StepText.integers(in: steps[position], skeleton: Self.finalCarrySkeleton) == [BigUInt(carry)] else { return position }
            position += 1
        }
        guard position < steps.count else { return steps.count }
        guard StepText.integers(in: steps[position], skeleton: Self.answerSkeleton) == [a + b] else { return position }
        position += 1
        return position < steps.count ? position : -1
    }
}
