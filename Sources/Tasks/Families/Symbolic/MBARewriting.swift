/// Known mixed boolean-arithmetic identities (valid for every word width), used to obfuscate a simple expression.
/// Each rule rewrites one node into an equal, larger expression; tests check every rule exhaustively on 8-bit words.
public enum MBARewriting {
    /// All rewrites of the node `e` itself (not its children). `v` is a variable used by the "split" identity
    /// e = (e & v) + (e & ~v).
    public static func rewrites(of e: MBAExpression, splitVariable v: MBAExpression) -> [MBAExpression] {
        func bin(_ o: MBAOperator, _ a: MBAExpression, _ b: MBAExpression) -> MBAExpression { .binary(o, a, b) }
        let two = MBAExpression.constant(2), one = MBAExpression.constant(1)
        var out: [MBAExpression] = []
        switch e {
        case .binary(.add, let a, let b):
            out = [bin(.add, bin(.xor, a, b), bin(.multiply, two, bin(.and, a, b))),
                   bin(.add, bin(.or, a, b), bin(.and, a, b)),
                   bin(.subtract, bin(.multiply, two, bin(.or, a, b)), bin(.xor, a, b))]
        case .binary(.subtract, let a, let b):
            out = [bin(.subtract, bin(.xor, a, b), bin(.multiply, two, bin(.and, .not(a), b))),
                   bin(.subtract, bin(.and, a, .not(b)), bin(.and, .not(a), b)),
                   bin(.add, bin(.add, a, .not(b)), one)]
        case .binary(.xor, let a, let b):
            out = [bin(.subtract, bin(.or, a, b), bin(.and, a, b)),
                   bin(.subtract, bin(.add, a, b), bin(.multiply, two, bin(.and, a, b)))]
        case .binary(.or, let a, let b):
            out = [bin(.add, bin(.and, a, .not(b)), b),
                   bin(.add, bin(.xor, a, b), bin(.and, a, b))]
        case .binary(.and, let a, let b):
            out = [bin(.subtract, bin(.or, a, b), bin(.xor, a, b)),
                   bin(.subtract, bin(.add, a, b), bin(.or, a, b))]
        case .not(let a):
            out = [bin(.subtract, .negate(a), one)]
        case .negate(let a):
            out = [bin(.add, .not(a), one)]
        default:
            break
        }
        if e != v { out.append(bin(.add, bin(.and, e, v), bin(.and, e, .not(v)))) }
        return out
    }

    /// Subexpressions in pre-order (index 0 = the whole expression).
    static func nodes(_ e: MBAExpression) -> [MBAExpression] {
        switch e {
        case .variable, .constant: return [e]
        case .not(let a), .negate(let a): return [e] + nodes(a)
        case .binary(_, let a, let b): return [e] + nodes(a) + nodes(b)
        }
    }

    /// Replaces the node at pre-order position `target` by `replacement`.
    static func replacing(_ e: MBAExpression, at target: Int, with replacement: MBAExpression) -> MBAExpression {
        var counter = 0
        func go(_ e: MBAExpression) -> MBAExpression {
            let me = counter
            counter += 1
            if me == target { counter += nodes(e).count - 1; return replacement }
            switch e {
            case .variable, .constant: return e
            case .not(let a): return .not(go(a))
            case .negate(let a): return .negate(go(a))
            case .binary(let o, let a, let b): let l = go(a); let r = go(b); return .binary(o, l, r)
            }
        }
        return go(e)
    }

    /// Applies exactly `steps` random rewrites at random nodes (operators preferred over leaves 3:1); a node with no
    /// applicable rule is skipped and another is drawn. Each rewrite strictly grows the expression.
    public static func obfuscate(_ e: MBAExpression, steps: Int, variables: Int, rng: inout TaskRNG) -> MBAExpression {
        var current = e
        var applied = 0
        while applied < steps {
            let all = nodes(current)
            let operators = all.indices.filter {
                switch all[$0] { case .binary, .not, .negate: return true; default: return false }
            }
            let position = !operators.isEmpty && rng.int(in: 0...3) > 0 ? rng.pick(operators) : rng.int(in: 0...(all.count - 1))
            let v = MBAExpression.variable(rng.int(in: 0...(max(variables, 1) - 1)))
            let options = rewrites(of: all[position], splitVariable: v)
            guard !options.isEmpty else { continue }
            current = replacing(current, at: position, with: rng.pick(options))
            applied += 1
        }
        return current
    }
}
