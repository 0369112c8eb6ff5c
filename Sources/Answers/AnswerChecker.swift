import Exact
import Random

/// Decides whether a predicted answer is equivalent to a gold answer. The rules (written out in
/// ``AnswerRules``) are type-directed: exact rational arithmetic for numbers, a rounding rule for decimal
/// predictions, a relative tolerance for irrational values, random-point evaluation for expressions with
/// variables, structural matching for tuples, sets, intervals and equations, normalised text otherwise.
/// Gold and prediction have distinct roles (e.g. a decimal *prediction* may be a rounding of the gold, not vice
/// versa; a gold inequality accepts a predicted interval, not vice versa).
public struct AnswerChecker: Sendable {
    /// Relative tolerance for values that are not exact rationals (involving π, e, roots, logs, …).
    public var relativeTolerance: Double
    /// Absolute tolerance for the same (matters near zero).
    public var absoluteTolerance: Double
    /// A decimal prediction with at least this many places after the point is accepted when it is the gold value
    /// correctly rounded to those places (and the gold has more places than that). `Int.max` disables the rule.
    public var minimumRoundedPlaces: Int
    /// Number of random points at which expressions with variables are compared.
    public var samplePoints: Int

    public init(
        relativeTolerance: Double = 1e-9, absoluteTolerance: Double = 1e-12, minimumRoundedPlaces: Int = 3,
        samplePoints: Int = 8
    ) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.minimumRoundedPlaces = minimumRoundedPlaces
        self.samplePoints = samplePoints
    }

    /// Compares two *answers* (not responses): each is reduced with ``AnswerExtractor/extractGold(from:)`` (last
    /// `\boxed{}`, else text after `####`, else the whole string), parsed and compared.
    public func equivalent(gold: String, prediction: String) -> Bool {
        compareAnswers(
            gold: AnswerExtractor.extractGold(from: gold), prediction: AnswerExtractor.extractGold(from: prediction))
    }

    /// Extracts the answer from a free-form `response` (``AnswerExtractor/extract(from:)``) and compares it.
    public func check(gold: String, response: String) -> AnswerCheck {
        let goldText = AnswerExtractor.extractGold(from: gold)
        guard let extracted = AnswerExtractor.extract(from: response) else {
            return AnswerCheck(equivalent: false, goldExtracted: goldText, predictionExtracted: nil, predictionSource: nil)
        }
        let verdict = judge(gold: goldText, prediction: extracted.text)
        return AnswerCheck(
            equivalent: verdict.equivalent, goldExtracted: goldText, predictionExtracted: extracted.text,
            predictionSource: extracted.source, undecided: verdict.undecided)
    }

    /// Compares already-extracted answer texts (`false` when undecided; see ``judge(gold:prediction:)``).
    public func compareAnswers(gold: String, prediction: String) -> Bool {
        judge(gold: gold, prediction: prediction).equivalent
    }

    /// The reason given when a comparison needs a number beyond exact and floating-point range.
    public static let tooLargeReason = "too large to compare exactly"

    /// Compares already-extracted answer texts. When they are not equivalent as written (structurally or as
    /// text) and a value involved is beyond exact and floating-point range (``MathValue/tooLarge``), the verdict
    /// is `equivalent == false` with `undecided` set to ``tooLargeReason``: never a guessed "equivalent".
    public func judge(gold: String, prediction: String) -> (equivalent: Bool, undecided: String?) {
        guard let g = MathParser.parseAnswer(gold, allowWords: true),
            let p = MathParser.parseAnswer(prediction, allowWords: true)
        else { return (false, nil) }
        if case .text = g { return (textEqual(gold, prediction), nil) }
        if case .text = p { return (textEqual(gold, prediction), nil) }
        if compare(gold: g, prediction: p) || textEqual(gold, prediction) { return (true, nil) }
        if AnswerChecker.involvesTooLarge(g) || AnswerChecker.involvesTooLarge(p) {
            return (false, AnswerChecker.tooLargeReason)
        }
        return (false, nil)
    }

    /// Whether some scalar part of `node` evaluates (variables bound to 1/2) to a value beyond range.
    static func involvesTooLarge(_ node: MathNode) -> Bool {
        switch node {
        case .text: return false
        case .group(_, let items, _), .relation(let items, _), .union(let items), .list(let items):
            return items.contains(where: involvesTooLarge)
        default:
            var environment: [String: Rational] = [:]
            for name in node.variables { environment[name] = Rational(1, 2) }
            return MathEvaluator.evaluate(node, environment) == .tooLarge
        }
    }

    private func textEqual(_ a: String, _ b: String) -> Bool {
        let x = AnswerChecker.canonicalText(a), y = AnswerChecker.canonicalText(b)
        return !x.isEmpty && x == y
    }

    /// Lower case; whitespace, braces, backslashes, `$`, `*`, quotes and a final period removed; one pair of
    /// enclosing parentheses removed (`(A)` → `a`); `\text`-like wrappers unwrapped.
    static func canonicalText(_ raw: String) -> String {
        var text = MathNormalizer.normalize(raw).lowercased().filter { !$0.isWhitespace && !"{}\\$*`'\"".contains($0) }
        while text.hasSuffix(".") { text.removeLast() }
        if text.hasPrefix("(") && text.hasSuffix(")") && text.count >= 3
            && !text.dropFirst().dropLast().contains(where: { $0 == "(" || $0 == ")" })
        {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }

    // MARK: - Structural comparison

    /// Compares parsed answers. Gold-side equations whose left side is not a lone variable are kept as equations;
    /// otherwise `x = v` (and, on the prediction side, any chain `a = b = v`) is reduced to `v`.
    public func compare(gold: MathNode, prediction: MathNode) -> Bool {
        if isEquation(gold), !isVariableAssignment(gold) {
            return compareEquations(gold, prediction)
        }
        let g = reduceAssignment(gold, isGold: true)
        let p = reduceAssignment(prediction, isGold: false)
        return compareReduced(g, p)
    }

    private func isEquation(_ node: MathNode) -> Bool {
        if case .relation(_, let ops) = node, ops.allSatisfy({ $0 == "=" }) { return true }
        return false
    }

    private func isVariableAssignment(_ node: MathNode) -> Bool {
        if case .relation(let sides, let ops) = node, ops.allSatisfy({ $0 == "=" }), case .variable = sides[0] {
            return true
        }
        return false
    }

    private func reduceAssignment(_ node: MathNode, isGold: Bool) -> MathNode {
        switch node {
        case .relation(let sides, let ops) where ops.allSatisfy({ $0 == "=" }):
            if case .variable = sides[0] { return sides[sides.count - 1] }
            return isGold ? node : sides[sides.count - 1]
        case .list(let items):
            return .list(items.map { reduceAssignment($0, isGold: isGold) })
        case .group(let open, let items, let close):
            return .group(open: open, items: items.map { reduceAssignment($0, isGold: isGold) }, close: close)
        default:
            return node
        }
    }

    private func compareReduced(_ g: MathNode, _ p: MathNode) -> Bool {
        switch (g, p) {
        case (.text, _), (_, .text):
            return false
        case (.relation, _):
            // Gold inequality: the prediction may be the same inequality or the interval(s) it describes.
            guard let goldSet = IntervalSet(inequality: g) else { return g == p }
            if let predSet = IntervalSet(inequality: p) ?? IntervalSet(intervalNode: p) {
                return intervalSetsEqual(goldSet, predSet)
            }
            return false
        case (_, .relation):
            return false
        case (.union, _):
            guard let goldSet = IntervalSet(intervalNode: g), let predSet = IntervalSet(intervalNode: p) else { return false }
            return intervalSetsEqual(goldSet, predSet)
        case (.group(let go, let gi, let gc), .group(let po, let pi, let pc)):
            if go == "{" || po == "{" {
                return go == po && unorderedMatch(gi, pi)
            }
            if gi.count == 2 || pi.count == 2 {
                // Pairs double as intervals: brackets must agree.
                guard go == po && gc == pc else { return false }
            }
            return orderedMatch(gi, pi)
        case (.group(let go, let gi, _), .list(let pi)):
            return go == "{" ? unorderedMatch(gi, pi) : orderedMatch(gi, pi)
        case (.list(let gi), .list(let pi)), (.list(let gi), .group(_, let pi, _)):
            return unorderedMatch(gi, pi)
        case (.group, _), (.list, _), (_, .group), (_, .list), (_, .union):
            return false
        default:
            return compareScalars(g, p)
        }
    }

    private func orderedMatch(_ gold: [MathNode], _ prediction: [MathNode]) -> Bool {
        gold.count == prediction.count && zip(gold, prediction).allSatisfy { compareReduced($0, $1) }
    }

    /// Multiset matching (each gold item to a distinct prediction item), by backtracking.
    private func unorderedMatch(_ gold: [MathNode], _ prediction: [MathNode]) -> Bool {
        guard gold.count == prediction.count else { return false }
        var used = [Bool](repeating: false, count: prediction.count)
        func assign(_ i: Int) -> Bool {
            if i == gold.count { return true }
            for j in 0..<prediction.count where !used[j] && compareReduced(gold[i], prediction[j]) {
                used[j] = true
                if assign(i + 1) { return true }
                used[j] = false
            }
            return false
        }
        return assign(0)
    }

    // MARK: - Scalars

    private func percentAlternatives(_ node: MathNode) -> [MathNode] {
        switch node {
        case .percent(let inner): return [node, inner]
        case .negate(.percent(let inner)): return [node, .negate(inner)]
        default: return [node]
        }
    }

    func compareScalars(_ gold: MathNode, _ prediction: MathNode) -> Bool {
        if gold == prediction { return true }
        for g in percentAlternatives(gold) {
            for p in percentAlternatives(prediction) where compareScalarValues(g, p) {
                return true
            }
        }
        return false
    }

    private func compareScalarValues(_ gold: MathNode, _ prediction: MathNode) -> Bool {
        let variables = gold.variables.union(prediction.variables)
        if variables.isEmpty {
            guard let g = MathEvaluator.evaluate(gold), let p = MathEvaluator.evaluate(prediction) else { return false }
            return valuesEqual(g, p, prediction: prediction)
        }
        var rng = Xoshiro256StarStar(seed: 0x5EED_A115_C0FF_EE00)
        let names = variables.sorted()
        var agreed = 0
        var attempts = 0
        while agreed < samplePoints && attempts < samplePoints * 4 {
            attempts += 1
            var environment: [String: Rational] = [:]
            for name in names {
                let denominator = rng.intByModuloRejection(in: 2...9)
                environment[name] = Rational(rng.intByModuloRejection(in: 1...(4 * denominator)), denominator)
            }
            let g = MathEvaluator.evaluate(gold, environment)
            let p = MathEvaluator.evaluate(prediction, environment)
            guard let gv = g, let pv = p, gv != .tooLarge, pv != .tooLarge else { continue }
            if !valuesEqual(gv, pv, prediction: nil) { return false }
            agreed += 1
        }
        return agreed >= max(1, samplePoints / 2)
    }

    /// Number equality under the rules: exact rationals compare exactly; a decimal prediction may be the gold
    /// correctly rounded (≥ `minimumRoundedPlaces` places); other values within the tolerances.
    func valuesEqual(_ gold: MathValue, _ prediction: MathValue, prediction node: MathNode?) -> Bool {
        if gold == .tooLarge || prediction == .tooLarge { return false }
        let places = node.flatMap(AnswerChecker.decimalPlaces(of:))
        if case .exact(let g) = gold, case .exact(let p) = prediction {
            if g == p { return true }
            if let k = places, k >= minimumRoundedPlaces, k <= 300 {
                let scale = Rational.powerOfTen(k)
                if (g * scale).isInteger { return false }  // gold is exact at this precision
                let difference = (g - p).magnitude
                return !(Rational(1, 2) * Rational.powerOfTen(-k) < difference)
            }
            return false
        }
        let g = gold.doubleValue, p = prediction.doubleValue
        if g.isInfinite || p.isInfinite { return g == p }
        if let k = places, k >= minimumRoundedPlaces, k <= 300 {
            if Swift.abs(g - p) <= 0.5 * pow10(-k) * (1 + 1e-9) + Swift.abs(g) * 1e-15 { return true }
        }
        return Swift.abs(g - p) <= Swift.max(relativeTolerance * Swift.max(Swift.abs(g), Swift.abs(p)), absoluteTolerance)
    }

    private func pow10(_ k: Int) -> Double {
        var x = 1.0
        if k >= 0 { for _ in 0..<k { x *= 10 } } else { for _ in 0..<(-k) { x /= 10 } }
        return x
    }

    /// Decimal places of a (possibly negated) decimal literal, else `nil`.
    static func decimalPlaces(of node: MathNode) -> Int? {
        switch node {
        case .number(_, let places, true): return places
        case .negate(let inner): return decimalPlaces(of: inner)
        default: return nil
        }
    }

    // MARK: - Equations

    /// Gold `l = r` (not an assignment): the prediction must be an equation whose `l − r` is a nonzero constant
    /// multiple of the gold's at every sample point.
    private func compareEquations(_ gold: MathNode, _ prediction: MathNode) -> Bool {
        guard case .relation(let gs, let gops) = gold, gops.count == 1, case .relation(let ps, let pops) = prediction,
            pops == ["="]
        else { return gold == prediction }
        let g: MathNode = .subtract(gs[0], gs[1])
        let p: MathNode = .subtract(ps[0], ps[1])
        let names = g.variables.union(p.variables).sorted()
        if names.isEmpty { return gold == prediction }
        var rng = Xoshiro256StarStar(seed: 0xE9A7_1017)
        var ratio: Double? = nil
        var agreed = 0
        for _ in 0..<(samplePoints * 4) where agreed < samplePoints {
            var environment: [String: Rational] = [:]
            for name in names {
                let denominator = rng.intByModuloRejection(in: 2...9)
                environment[name] = Rational(rng.intByModuloRejection(in: -(4 * denominator)...(4 * denominator)), denominator)
            }
            guard let gv = MathEvaluator.evaluate(g, environment)?.doubleValue,
                let pv = MathEvaluator.evaluate(p, environment)?.doubleValue, gv.isFinite, pv.isFinite
            else { continue }
            let scale = Swift.max(Swift.abs(gv), Swift.abs(pv), 1)
            if Swift.abs(gv) <= 1e-12 * scale {
                if Swift.abs(pv) > 1e-9 * scale { return false }
                continue
            }
            let r = pv / gv
            if r == 0 { return false }
            if let previous = ratio {
                if Swift.abs(r - previous) > 1e-9 * Swift.max(Swift.abs(r), Swift.abs(previous)) { return false }
            } else {
                ratio = r
            }
            agreed += 1
        }
        return agreed >= 2
    }

    // MARK: - Intervals

    private func intervalSetsEqual(_ a: IntervalSet, _ b: IntervalSet) -> Bool {
        guard a.intervals.count == b.intervals.count else { return false }
        var used = [Bool](repeating: false, count: b.intervals.count)
        for x in a.intervals {
            guard let j = b.intervals.indices.first(where: { !used[$0] && intervalEqual(x, b.intervals[$0]) }) else {
                return false
            }
            used[j] = true
        }
        return true
    }

    private func intervalEqual(_ a: IntervalSet.Interval, _ b: IntervalSet.Interval) -> Bool {
        a.lowerClosed == b.lowerClosed && a.upperClosed == b.upperClosed && compareScalars(a.lower, b.lower)
            && compareScalars(a.upper, b.upper)
    }
}
