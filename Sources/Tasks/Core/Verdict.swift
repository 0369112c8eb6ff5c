/// The outcome class of grading one response.
public enum VerdictKind: String, Sendable, Codable, CaseIterable {
    /// The response's answer is equivalent to the reference.
    case correct
    /// An answer was read but it is wrong.
    case incorrect
    /// No answer in the expected form could be read from the response.
    case unparseable
}

/// The result of grading a model response against a task instance.
public struct Verdict: Sendable, Codable, Equatable {
    public var kind: VerdictKind
    /// Partial credit in `0...1` (1 when correct, 0 when unparseable).
    public var score: Double
    /// What was read from the response (after undoing any presentation format), if anything.
    public var extracted: String?
    /// Optional explanation, e.g. `"move 7 invalid: disk 3 onto disk 1"`.
    public var detail: String?
    /// Family-specific metrics, e.g. `"digit_match"`, `"length_diff"`.
    public var metrics: [String: Double]

    public init(
        kind: VerdictKind, score: Double, extracted: String? = nil, detail: String? = nil,
        metrics: [String: Double] = [:]
    ) {
        self.kind = kind
        self.score = score
        self.extracted = extracted
        self.detail = detail
        self.metrics = metrics
    }

    /// A correct verdict (score 1).
    public static func correct(extracted: String?, detail: String? = nil, metrics: [String: Double] = [:]) -> Verdict {
        Verdict(kind: .correct, score: 1, extracted: extracted, detail: detail, metrics: metrics)
    }

    /// An incorrect verdict with optional partial credit.
    public static func incorrect(
        extracted: String?, score: Double = 0, detail: String? = nil, metrics: [String: Double] = [:]
    ) -> Verdict {
        Verdict(kind: .incorrect, score: score, extracted: extracted, detail: detail, metrics: metrics)
    }

    /// An unparseable verdict (score 0).
    public static func unparseable(detail: String? = nil, metrics: [String: Double] = [:]) -> Verdict {
        Verdict(kind: .unparseable, score: 0, extracted: nil, detail: detail, metrics: metrics)
    }
}
