/// An expression compiled to a flat list of register instructions, evaluated over many inputs at once
/// (lane-wise loops the compiler vectorises). Results are exact modulo 2^w because + − × & | ^ ~ and negation all
/// commute with reduction modulo 2^w: the program computes in 64 bits and masks once at the end.
struct MBAProgram {
    enum Instruction {
        case variable(Int), constant(UInt64), not(Int), negate(Int), binary(MBAOperator, Int, Int)
    }
    let instructions: [Instruction]      // instruction k writes register k; the last one is the result

    init(_ e: MBAExpression) {
        var list: [Instruction] = []
        @discardableResult func emit(_ e: MBAExpression) -> Int {
            switch e {
            case .variable(let i): list.append(.variable(i))
            case .constant(let c): list.append(.constant(c))
            case .not(let a): let r = emit(a); list.append(.not(r))
            case .negate(let a): let r = emit(a); list.append(.negate(r))
            case .binary(let op, let a, let b): let ra = emit(a), rb = emit(b); list.append(.binary(op, ra, rb))
            }
            return list.count - 1
        }
        emit(e)
        instructions = list
    }

    /// Evaluates lanes `0..<count` where `inputs[v][lane]` is variable v; writes masked results to `out`.
    func evaluate(inputs: [[UInt64]], count: Int, width: Int, into out: inout [UInt64]) {
        let mask: UInt64 = width >= 64 ? .max : (1 << UInt64(width)) - 1
        var regs = [UInt64](repeating: 0, count: instructions.count * count)
        regs.withUnsafeMutableBufferPointer { r in
            for (k, ins) in instructions.enumerated() {
                let dst = k * count
                switch ins {
                case .variable(let v):
                    inputs[v].withUnsafeBufferPointer { src in for l in 0..<count { r[dst + l] = src[l] } }
                case .constant(let c):
                    for l in 0..<count { r[dst + l] = c }
                case .not(let a):
                    let s = a * count
                    for l in 0..<count { r[dst + l] = ~r[s + l] }
                case .negate(let a):
                    let s = a * count
                    for l in 0..<count { r[dst + l] = 0 &- r[s + l] }
                case .binary(let op, let a, let b):
                    let sa = a * count, sb = b * count
                    switch op {
                    case .add: for l in 0..<count { r[dst + l] = r[sa + l] &+ r[sb + l] }
                    case .subtract: for l in 0..<count { r[dst + l] = r[sa + l] &- r[sb + l] }
                    case .multiply: for l in 0..<count { r[dst + l] = r[sa + l] &* r[sb + l] }
                    case .and: for l in 0..<count { r[dst + l] = r[sa + l] & r[sb + l] }
                    case .or: for l in 0..<count { r[dst + l] = r[sa + l] | r[sb + l] }
                    case .xor: for l in 0..<count { r[dst + l] = r[sa + l] ^ r[sb + l] }
                    }
                }
            }
            let last = (instructions.count - 1) * count
            for l in 0..<count { out[l] = r[last + l] & mask }
        }
    }
}

/// Decides whether two MBA expressions are equal as functions on w-bit words.
public enum MBAEquivalence {
    public enum Method: String, Sendable { case exhaustive, randomTesting }

    public struct Outcome: Sendable, Equatable {
        public var equivalent: Bool
        public var method: Method
        /// Inputs checked.
        public var pointsChecked: Int
        /// A distinguishing input (one value per variable) when not equivalent.
        public var counterexample: [UInt64]?
    }

    /// Exhaustive over all 2^(w·variables) inputs when w ≤ 8 (at most 2^24 points, 3 variables); otherwise
    /// `randomPoints` pseudo-random inputs from `seed` plus corner values (0, 1, 2^w − 1, 2^(w−1), each
    /// combination over variables).
    public static func check(_ a: MBAExpression, _ b: MBAExpression, variables: Int, width: Int,
                             randomPoints: Int = 4096, seed: UInt64 = 0) -> Outcome {
        precondition((1...64).contains(width) && (0...3).contains(variables))
        let pa = MBAProgram(a), pb = MBAProgram(b)
        let mask: UInt64 = width >= 64 ? .max : (1 << UInt64(width)) - 1
        let chunk = 4096
        var inputs = [[UInt64]](repeating: [UInt64](repeating: 0, count: chunk), count: max(variables, 1))
        var outA = [UInt64](repeating: 0, count: chunk), outB = outA
        var checked = 0
        func compare(count: Int) -> [UInt64]? {
            pa.evaluate(inputs: inputs, count: count, width: width, into: &outA)
            pb.evaluate(inputs: inputs, count: count, width: width, into: &outB)
            checked += count
            for l in 0..<count where outA[l] != outB[l] { return (0..<variables).map { inputs[$0][l] } }
            return nil
        }
        if width <= 8 {
            let total = 1 << (width * variables)
            var start = 0
            while start < total {
                let count = min(chunk, total - start)
                for l in 0..<count {
                    let point = start + l
                    for v in 0..<variables { inputs[v][l] = UInt64(point >> (v * width)) & mask }
                }
                if let cx = compare(count: count) { return Outcome(equivalent: false, method: .exhaustive, pointsChecked: checked, counterexample: cx) }
                start += count
            }
            return Outcome(equivalent: true, method: .exhaustive, pointsChecked: checked, counterexample: nil)
        }
        // Corner values first, then random points.
        let corners: [UInt64] = [0, 1, mask, 1 << UInt64(width - 1), mask ^ 1]
        var points: [[UInt64]] = [[]]
        for _ in 0..<variables { points = points.flatMap { p in corners.map { p + [$0] } } }
        var rng = TaskRNG(seed: seed)
        var filled = 0
        func flush() -> [UInt64]? { defer { filled = 0 }; return filled == 0 ? nil : compare(count: filled) }
        for p in points {
            for v in 0..<variables { inputs[v][filled] = p[v] }
            filled += 1
            if filled == chunk, let cx = flush() { return Outcome(equivalent: false, method: .randomTesting, pointsChecked: checked, counterexample: cx) }
        }
        for _ in 0..<randomPoints {
            for v in 0..<variables { inputs[v][filled] = rng.next() & mask }
            filled += 1
            if filled == chunk, let cx = flush() { return Outcome(equivalent: false, method: .randomTesting, pointsChecked: checked, counterexample: cx) }
        }
        if let cx = flush() { return Outcome(equivalent: false, method: .randomTesting, pointsChecked: checked, counterexample: cx) }
        return Outcome(equivalent: true, method: .randomTesting, pointsChecked: checked, counterexample: nil)
    }
}
