import Exact

/// A union of intervals read from interval notation or from a one-variable inequality.
struct IntervalSet {
    struct Interval {
        var lower: MathNode
        var upper: MathNode
        var lowerClosed: Bool
        var upperClosed: Bool
    }

    var intervals: [Interval]

    static let negativeInfinity: MathNode = .negate(.constant("infinity"))
    static let positiveInfinity: MathNode = .constant("infinity")

    /// From `(a, b]`-style groups or their `\cup` union.
    init?(intervalNode node: MathNode) {
        switch node {
        case .group(let open, let items, let close) where items.count == 2 && open != "{":
            intervals = [Interval(lower: items[0], upper: items[1], lowerClosed: open == "[", upperClosed: close == "]")]
        case .union(let parts):
            var all: [Interval] = []
            for part in parts {
                guard let set = IntervalSet(intervalNode: part) else { return nil }
                all += set.intervals
            }
            intervals = all
        default:
            return nil
        }
    }

    /// From one inequality (``init(inequality:)``) or a list of them (`x < -1 or x > 1`: the union).
    init?(inequalities node: MathNode) {
        var all: [Interval] = []
        switch node {
        case .relation:
            guard let set = IntervalSet(inequality: node) else { return nil }
            all = set.intervals
        case .list(let items) where items.count >= 2:
            for item in items {
                guard case .relation = item, let set = IntervalSet(inequality: item) else { return nil }
                all += set.intervals
            }
        default:
            return nil
        }
        intervals = all
    }

    /// From `x > a`, `x <= a`, `a < x`, `a < x <= b` (one variable on one side), or a two-sided inequality linear in
    /// one variable (`-x < -1`, `2x + 1 \ge 5`), solved exactly: multiplying by a negative coefficient flips it.
    init?(inequality node: MathNode) {
        guard case .relation(let sides, let ops) = node, !ops.contains("="), !ops.contains("!=") else { return nil }
        func isVariable(_ n: MathNode) -> Bool {
            if case .variable = n { return true }
            return false
        }
        if sides.count == 2 {
            let op = ops[0]
            if isVariable(sides[0]) && sides[1].variables.isEmpty,
                let found = IntervalSet.halfLine(variableOn: .left, op: op, bound: sides[1])
            {
                intervals = found
            } else if isVariable(sides[1]) && sides[0].variables.isEmpty,
                let found = IntervalSet.halfLine(variableOn: .right, op: op, bound: sides[0])
            {
                intervals = found
            } else if let found = IntervalSet.linearHalfLine(sides[0], op, sides[1]) {
                intervals = found
            } else {
                return nil
            }
        } else if sides.count == 3, isVariable(sides[1]), sides[0].variables.isEmpty, sides[2].variables.isEmpty {
            let (a, b) = (ops[0], ops[1])
            if (a == "<" || a == "<=") && (b == "<" || b == "<=") {
                intervals = [Interval(lower: sides[0], upper: sides[2], lowerClosed: a == "<=", upperClosed: b == "<=")]
            } else if (a == ">" || a == ">=") && (b == ">" || b == ">=") {
                intervals = [Interval(lower: sides[2], upper: sides[0], lowerClosed: b == ">=", upperClosed: a == ">=")]
            } else {
                return nil
            }
        } else {
            return nil
        }
    }

    private enum Side { case left, right }

    /// `l op r` where `l − r = a·x + b` exactly (one variable, checked at x = 0, 1, 2 with exact rationals, a ≠ 0):
    /// the half-line `x op' −b/a`, with `op'` flipped when a < 0.
    private static func linearHalfLine(_ left: MathNode, _ op: String, _ right: MathNode) -> [Interval]? {
        let names = left.variables.union(right.variables)
        guard names.count == 1, let name = names.first else { return nil }
        let difference: MathNode = .subtract(left, right)
        var values: [Rational] = []
        for x in 0...2 {
            guard case .exact(let v)? = MathEvaluator.evaluate(difference, [name: Rational(x)]) else { return nil }
            values.append(v)
        }
        let slope = values[1] - values[0]
        guard values[2] - values[1] == slope, !slope.isZero else { return nil }
        guard let root = -values[0] / slope else { return nil }
        let bound: MathNode = .number(root, decimalPlaces: 0, isDecimal: false)
        return halfLine(variableOn: .left, op: slope.isNegative ? (flippedOperator[op] ?? op) : op, bound: bound)
    }

    private static let flippedOperator: [String: String] = ["<": ">", ">": "<", "<=": ">=", ">=": "<="]

    private static func halfLine(variableOn side: Side, op: String, bound: MathNode) -> [Interval]? {
        // Normalise to "x op bound".
        let flipped: [String: String] = ["<": ">", ">": "<", "<=": ">=", ">=": "<="]
        let effective = side == .left ? op : (flipped[op] ?? op)
        switch effective {
        case "<": return [Interval(lower: negativeInfinity, upper: bound, lowerClosed: false, upperClosed: false)]
        case "<=": return [Interval(lower: negativeInfinity, upper: bound, lowerClosed: false, upperClosed: true)]
        case ">": return [Interval(lower: bound, upper: positiveInfinity, lowerClosed: false, upperClosed: false)]
        case ">=": return [Interval(lower: bound, upper: positiveInfinity, lowerClosed: true, upperClosed: false)]
        default: return nil
        }
    }
}
