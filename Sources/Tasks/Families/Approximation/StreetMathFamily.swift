import Exact

/// `street-math`: everyday estimation (StreetMath-style). Graded by relative error r = |pred − exact| / |exact|:
///
/// | band | r | score | kind |
/// |---|---|---|---|
/// | close | ≤ 0.10 | 1.0 | correct |
/// | good | ≤ 0.20 | 0.75 | correct (StreetMath's "good approximation") |
/// | mildly off | ≤ 0.60 | 0.25 | incorrect |
/// | way off | > 0.60 | 0 | incorrect |
///
/// Exact computation is tracked separately: metric `exact_match` is 1 when the prediction equals the exact value or
/// the exact value rounded to 2 decimals. The reference answer is the exact value rounded to 2 decimals; `data["exact"]` holds p/q.
public struct StreetMathFamily: TaskFamily {
    public init() {}
    public let id = "street-math"
    public let version = 1
    public let summary = "Everyday estimation (shopping, tips, travel, Fermi): graded by relative-error bands; exact answers tracked."
    public let parameters: [DifficultyParameter] = [
        DifficultyParameter(name: "topic", summary: "question topic (mixed: uniform over all)",
                            domain: .choice(["mixed"] + StreetMathTopic.allCases.map(\.rawValue)), defaultValue: "mixed"),
        DifficultyParameter(name: "items", summary: "number of prices in basket/discount/tax questions",
                            domain: .integer(2...10), defaultValue: "4"),
    ]

    /// Band limits (upper r) and scores, in order.
    public static let bands: [(name: String, maxRelativeError: Double, score: Double)] = [
        ("close", 0.10, 1.0), ("good", 0.20, 0.75), ("mildly off", 0.60, 0.25),
    ]

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let choice = difficulty.string("topic")
        let topic = StreetMathTopic(rawValue: choice) ?? rng.pick(StreetMathTopic.allCases)
        let q = topic.make(items: difficulty.int("items"), rng: &rng)
        let answer = q.exact.decimalString(places: 2)
        let body = q.text + " A quick mental estimate is what is wanted; give a single number (in \(q.unit), no units written)."
        return standardInstance(seed: seed, index: index, difficulty: difficulty, body: body,
                            plainSuffix: "End your reply with a line of the form: Final answer: <number>",
                            boxedSuffix: "Put the number inside \\boxed{}.",
                            answer: answer, data: ["exact": q.exact.description, "topic": q.topic, "unit": q.unit])
    }

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let exact = instance.data["exact"].flatMap(Rational.parse), !exact.isZero else { return missingDataVerdict("exact") }
        guard let (text, _) = FinalAnswerReader.number(in: response), let pred = Rational.parse(text) else {
            return Verdict(kind: .unparseable, score: 0, extracted: nil, detail: "no number found in the response", metrics: [:])
        }
        var relative = abs(pred.doubleValue - exact.doubleValue) / abs(exact.doubleValue)
        // Beyond Double's range (edited data, a huge prediction) the quotient is inf/inf: take it exactly.
        if !relative.isFinite { relative = ((pred - exact).magnitude / exact.magnitude)?.doubleValue ?? .infinity }
        // Exact computation: the exact value itself, or it rounded to 2 decimals (the reference string).
        let exactMatch = pred == exact || text == instance.answer
            || (Rational.parse(exact.decimalString(places: 2)) == pred)
        let band = Self.bands.first { relative <= $0.maxRelativeError }
        let score = band?.score ?? 0
        let correct = relative <= 0.20
        return Verdict(kind: correct ? .correct : .incorrect, score: score, extracted: text,
                       detail: "relative error \(Self.percent(relative)) (\(band?.name ?? "way off"))",
                       metrics: ["relative_error": relative, "exact_match": exactMatch ? 1 : 0])
    }

    /// "12.3%" (one decimal), capped at 1000000% so absurd predictions cannot trap.
    static func percent(_ r: Double) -> String {
        let tenths = r.isNaN ? 10_000_000 : Int((min(r, 10_000) * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
