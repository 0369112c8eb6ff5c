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
        if !verdict.equivalent, extracted.source == .boxed, let joined = severalBoxes(gold: goldText, response: response),
            judge(gold: goldText, prediction: joined).equivalent
        {
            return AnswerCheck(
                equivalent: true, goldExtracted: goldText, predictionExtracted: joined, predictionSource: .boxed)
        }
        return AnswerCheck(
            equivalent: verdict.equivalent, goldExtracted: goldText, predictionExtracted: extracted.text,
            predictionSource: extracted.source, undecided: verdict.undecided)
    }

    /// When the gold has several items (a list, set or tuple) and the response boxes more than one answer, the
    /// boxes (not nested, repeats dropped) joined by commas; else `nil`. A scalar gold is read from the last box
    /// only, so a box that corrects an earlier one is not merged with it.
    func severalBoxes(gold: String, response: String) -> String? {
        guard let g = MathParser.parseAnswer(gold, allowWords: true) else { return nil }
        switch g {
        case .list(let items) where items.count >= 2: break
        case .group(let open, let items, _) where items.count >= 2 && open != ":" && open != "⟦": break
        default: return nil
        }
        let text = AnswerExtractor.withoutChatTail(AnswerExtractor.afterThinking(response))
        guard let boxes = AnswerExtractor.topLevelBoxes(in: text), boxes.count >= 2 else { return nil }
        return boxes.joined(separator: ", ")
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
        // Each side is normalised once (normalising dominates the cost of a megabyte-long answer).
        let goldNormalized = MathNormalizer.normalize(gold)
        let predictionNormalized = MathNormalizer.normalize(prediction)
        guard let g = MathParser.parseAnswer(normalized: goldNormalized, allowWords: true),
            let p = MathParser.parseAnswer(normalized: predictionNormalized, allowWords: true)
        else { return (false, nil) }
        if case .text = g { return (textEqual(normalized: goldNormalized, predictionNormalized), nil) }
        if case .text = p { return (textEqual(normalized: goldNormalized, predictionNormalized), nil) }
        if compare(gold: g, prediction: p) || strictTextEqual(normalized: goldNormalized, predictionNormalized) {
            return (true, nil)
        }
        // A decimal comma (`0,5`, `3,14`) is also read as a decimal point, on the prediction side (and on the gold
        // side when the whole part is 0, which no list starts with).
        if let decimal = MathParser.decimalCommaReading(prediction), compare(gold: g, prediction: decimal) {
            return (true, nil)
        }
        if AnswerChecker.startsWithZeroComma(gold), let decimal = MathParser.decimalCommaReading(gold),
            compare(gold: decimal, prediction: p)
        {
            return (true, nil)
        }
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

    static func startsWithZeroComma(_ text: String) -> Bool {
        let trimmed = text.drop(while: { $0 == " " || $0 == "-" || $0 == "$" })
        return trimmed.hasPrefix("0,") && !trimmed.hasPrefix("0, ")
    }

    /// Equality of answers that parsed as mathematics but did not compare equal: their texts must be equal up to
    /// case, spacing (kept between two digits: `12 34` is not `1234`), `$`, `*`, quotes and a final period, with
    /// braces and backslashes kept (`2^{n+1}` is not `2^n+1`).
    private func strictTextEqual(normalized a: String, _ b: String) -> Bool {
        let x = AnswerChecker.strictCanonicalText(normalized: a), y = AnswerChecker.strictCanonicalText(normalized: b)
        return !x.isEmpty && x == y
    }

    static func strictCanonicalText(normalized: String) -> String {
        var out = ""
        var pendingSpace = false
        for c in normalized.lowercased() {
            if c.isWhitespace {
                pendingSpace = true
                continue
            }
            if "$*`'\"".contains(c) { continue }
            if pendingSpace, c.isASCIIDigitCharacter, let last = out.last, last.isASCIIDigitCharacter { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        while out.hasSuffix(".") { out.removeLast() }
        return out
    }

    private func textEqual(normalized a: String, _ b: String) -> Bool {
        let x = AnswerChecker.canonicalText(normalized: a), y = AnswerChecker.canonicalText(normalized: b)
        return !x.isEmpty && x == y
    }

    /// Lower case; whitespace (but one space kept between two digits), braces, backslashes, `$`, `*`, quotes and a final period removed; one pair of
    /// enclosing parentheses removed (`(A)` → `a`); `\text`-like wrappers unwrapped.
    static func canonicalText(_ raw: String) -> String {
        canonicalText(normalized: MathNormalizer.normalize(raw))
    }

    static func canonicalText(normalized: String) -> String {
        var text = ""
        var pendingSpace = false
        for c in normalized.lowercased() {
            if c.isWhitespace {
                pendingSpace = true
                continue
            }
            if "{}\\$*`'\"".contains(c) { continue }
            // Spacing between two digits is kept: `12 34 5` is not the number 12345.
            if pendingSpace, c.isASCIIDigitCharacter, let last = text.last, last.isASCIIDigitCharacter { text.append(" ") }
            pendingSpace = false
            text.append(c)
        }
        while text.hasSuffix(".") { text.removeLast() }
        if text.hasPrefix("(") && text.hasSuffix(")") && text.count >= 3
            && !text.dropFirst().dropLast().contains(where: { $0 == "(" || $0 == ")" })
        {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }

    // MARK: - Structural comparison

    /// Compares parsed answers. A gold equation whose left side is not a name (``isLabel(_:)``) is kept as an
    /// equation (``compareEquations(_:_:)``). Otherwise each side is read as its values (``readings(_:isGold:)``:
    /// `x = v` is `v`, a chain `a = b ≈ d` is `b` or `d`, assignments to distinct names form a tuple) and any pair
    /// of readings that match makes the answers equivalent.
    public func compare(gold: MathNode, prediction: MathNode) -> Bool {
        if isEquation(gold), case .relation(let sides, _) = gold, !AnswerChecker.isLabel(sides[0]) {
            return compareEquations(gold, prediction)
        }
        let goldReadings = readings(gold, isGold: true)
        let predictionReadings = readings(prediction, isGold: false)
        for g in goldReadings {
            for p in predictionReadings where compareReduced(g, p) { return true }
        }
        return false
    }

    private func isEquation(_ node: MathNode) -> Bool {
        if case .relation(_, let ops) = node, ops.allSatisfy({ $0 == "=" }) { return true }
        return false
    }

    /// Whether `node` names a value rather than being one: a variable (`x`, `x_1`, `\alpha`), a function of
    /// variables (`f(x)`), a segment or its length (`AB`, `|AB|`: capital letters), or a tuple of variables
    /// (`(p, q)`).
    static func isLabel(_ node: MathNode) -> Bool {
        switch node {
        case .variable: return true
        case .function(let name, _) where name.contains("("): return true
        case .function("abs", let inner): return isCapitalProduct(inner) || isLabel(inner)
        case .multiply: return isCapitalProduct(node)
        case .group("(", let items, ")"):
            return items.count >= 2 && items.allSatisfy { if case .variable = $0 { return true } else { return false } }
        default: return false
        }
    }

    private static func isCapitalProduct(_ node: MathNode) -> Bool {
        switch node {
        case .variable(let name): return name.count == 1 && name.first!.isUppercase
        case .multiply(let a, let b): return isCapitalProduct(a) && isCapitalProduct(b)
        default: return false
        }
    }

    /// The name a label assigns to (for matching assignments by name), else `nil`.
    private static func labelName(_ node: MathNode) -> String? {
        switch node {
        case .variable(let name): return name
        case .function(let name, _) where name.contains("("): return name
        default: return nil
        }
    }

    /// The values an answer stands for, most direct first.
    /// - A relation made of `=`, `≈` and `∈`: on the gold side only when its left side is a label; the last side
    ///   before the first `≈` (the last exact value), and the last side (the approximation). A prediction chain is
    ///   read this way whatever its left side (`a + b = 2b + a = 101` is 101) **[roles]**.
    /// - A list: each item read; when every item assigns a value to a distinct name (`x = 1, y = 2`) it is the
    ///   tuple of the values, in the written order and in the order of the names.
    /// - A bracket: its items read.
    func readings(_ node: MathNode, isGold: Bool) -> [MathNode] {
        switch node {
        case .relation(let sides, let ops) where ops.allSatisfy({ $0 == "=" || $0 == "~" || $0 == "in" }):
            let labelled = AnswerChecker.isLabel(sides[0])
            if isGold && !labelled { return [node] }
            var out: [MathNode] = []
            let exactIndex = ops.firstIndex(of: "~") ?? (sides.count - 1)
            if exactIndex > 0 || !labelled { out.append(sides[exactIndex]) }
            if exactIndex != sides.count - 1 { out.append(sides[sides.count - 1]) }
            return out.isEmpty ? [node] : out
        case .list(let items):
            let reduced = items.map { readings($0, isGold: isGold)[0] }
            var named: [(String, MathNode)] = []
            for (item, value) in zip(items, reduced) {
                guard case .relation(let sides, let ops) = item, ops == ["="], let name = AnswerChecker.labelName(sides[0])
                else { break }
                named.append((name, value))
            }
            if items.count >= 2, named.count == items.count, Set(named.map(\.0)).count == named.count {
                let written: MathNode = .group(open: "(", items: reduced, close: ")")
                let sorted: MathNode = .group(open: "(", items: named.sorted { $0.0 < $1.0 }.map(\.1), close: ")")
                return written == sorted ? [written] : [written, sorted]
            }
            return [.list(reduced)]
        case .group(let open, let items, let close):
            return [.group(open: open, items: items.map { readings($0, isGold: isGold)[0] }, close: close)]
        default:
            return [node]
        }
    }

    private func compareReduced(_ g: MathNode, _ p: MathNode) -> Bool {
        if let verdict = compareRatios(g, p) { return verdict }
        if let verdict = compareMatrices(g, p) { return verdict }
        if let goldSet = IntervalSet(inequalities: g) {
            // A gold list of inequalities ("x < -1 or x > 1") is the union of their intervals.
            guard let predSet = IntervalSet(inequalities: p) ?? IntervalSet(intervalNode: p) else { return false }
            return intervalSetsEqual(goldSet, predSet)
        }
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

    /// Largest lists matched item by item without order (a bipartite matching over all pairs); longer lists
    /// match only when their items are exact numbers equal as multisets.
    static let maximumUnorderedItems = 64

    /// Multiset matching (each gold item to a distinct prediction item). Exact numbers are compared as sorted
    /// multisets first (linearithmic); otherwise, up to ``maximumUnorderedItems`` items, a maximum bipartite
    /// matching by augmenting paths over the pairwise verdicts (polynomial, never exponential backtracking).
    private func unorderedMatch(_ gold: [MathNode], _ prediction: [MathNode]) -> Bool {
        guard gold.count == prediction.count else { return false }
        if gold.isEmpty { return true }
        if let g = AnswerChecker.exactValues(gold), let p = AnswerChecker.exactValues(prediction), g.sorted() == p.sorted() {
            return true
        }
        guard gold.count <= AnswerChecker.maximumUnorderedItems else { return false }
        let n = gold.count
        var edges = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            for j in 0..<n where compareReduced(gold[i], prediction[j]) { edges[i].append(j) }
            if edges[i].isEmpty { return false }
        }
        var owner = [Int](repeating: -1, count: n)  // prediction item → gold item
        for i in 0..<n {
            var visited = [Bool](repeating: false, count: n)
            // Iterative augmenting-path search (depth-first, at most n levels).
            var stack: [(gold: Int, next: Int)] = [(i, 0)]
            var path: [Int] = []  // prediction items chosen along the stack
            var augmented = false
            while let top = stack.last {
                if top.next >= edges[top.gold].count {
                    stack.removeLast()
                    if !path.isEmpty { path.removeLast() }
                    continue
                }
                let j = edges[top.gold][top.next]
                stack[stack.count - 1].next += 1
                if visited[j] { continue }
                visited[j] = true
                path.append(j)
                if owner[j] < 0 {
                    for (level, item) in path.enumerated() { owner[item] = stack[level].gold }
                    augmented = true
                    break
                }
                stack.append((owner[j], 0))
            }
            if !augmented { return false }
        }
        return true
    }

    /// The exact rational values of variable-free scalar items, or `nil` if any item is not one.
    private static func exactValues(_ items: [MathNode]) -> [Rational]? {
        var out: [Rational] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard item.isScalar, item.variables.isEmpty, case .exact(let r)? = MathEvaluator.evaluate(item) else {
                return nil
            }
            out.append(r)
        }
        return out
    }

    // MARK: - Ratios and matrices

    /// Ratios `a : b : …` equal when proportional (`3:2` ~ `6:4`); a two-term ratio also equals the number
    /// `a / b` (either side). `nil` when neither side is a ratio.
    private func compareRatios(_ g: MathNode, _ p: MathNode) -> Bool? {
        let gr = AnswerChecker.ratioTerms(g), pr = AnswerChecker.ratioTerms(p)
        switch (gr, pr) {
        case (nil, nil): return nil
        case (let a?, let b?):
            guard a.count == b.count else { return false }
            for i in 1..<a.count where !compareScalars(.multiply(a[i], b[0]), .multiply(b[i], a[0])) { return false }
            return !compareScalars(a[0], .number(.zero, decimalPlaces: 0, isDecimal: false))
        case (let a?, nil):
            return a.count == 2 && p.isScalar && compareScalars(.divide(a[0], a[1]), p)
        case (nil, let b?):
            return b.count == 2 && g.isScalar && compareScalars(g, .divide(b[0], b[1]))
        }
    }

    private static func ratioTerms(_ node: MathNode) -> [MathNode]? {
        if case .group(":", let items, _) = node { return items }
        return nil
    }

    /// Matrices (from `pmatrix`, `bmatrix`, `array`, … as ``MatrixRewriting`` writes them) against matrices or
    /// nested brackets of the same shape, element by element; a one-row or one-column matrix against a tuple.
    /// `nil` when neither side is a matrix.
    private func compareMatrices(_ g: MathNode, _ p: MathNode) -> Bool? {
        guard AnswerChecker.isMatrix(g) || AnswerChecker.isMatrix(p) else { return nil }
        if let a = AnswerChecker.matrixRows(g), let b = AnswerChecker.matrixRows(p), a.count == b.count,
            zip(a, b).allSatisfy({ $0.count == $1.count })
        {
            return zip(a, b).allSatisfy { orderedMatch($0, $1) }
        }
        if let a = AnswerChecker.vectorItems(g), let b = AnswerChecker.vectorItems(p) {
            return orderedMatch(a, b)
        }
        return false
    }

    private static func isMatrix(_ node: MathNode) -> Bool {
        if case .group("⟦", _, _) = node { return true }
        return false
    }

    /// Rows of a matrix, or of a bracket of equally long brackets (`[[1, 2], [3, 4]]`).
    private static func matrixRows(_ node: MathNode) -> [[MathNode]]? {
        guard case .group(let open, let items, _) = node, open != "{", open != ":", !items.isEmpty else { return nil }
        var rows: [[MathNode]] = []
        for item in items {
            guard case .group(let rowOpen, let cells, _) = item, rowOpen != "{", rowOpen != ":" else { return nil }
            if open == "⟦" && rowOpen != "⟦" { return nil }
            rows.append(cells)
        }
        return rows
    }

    /// The entries of a one-row or one-column matrix, or of a flat tuple.
    private static func vectorItems(_ node: MathNode) -> [MathNode]? {
        if isMatrix(node) {
            guard let rows = matrixRows(node) else { return nil }
            if rows.count == 1 { return rows[0] }
            if rows.allSatisfy({ $0.count == 1 }) { return rows.map { $0[0] } }
            return nil
        }
        if case .group(let open, let items, _) = node, open == "(" || open == "[", items.allSatisfy(\.isScalar) {
            return items
        }
        return nil
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
