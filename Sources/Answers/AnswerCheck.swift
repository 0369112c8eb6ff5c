import Exact

/// The result of checking a response against a gold answer.
public struct AnswerCheck: Sendable, Equatable, Codable {
    /// Whether the prediction is equivalent to the gold answer. `false` when ``undecided`` is set.
    public var equivalent: Bool
    /// The gold answer after extraction (``AnswerExtractor/extractGold(from:)``).
    public var goldExtracted: String
    /// What was read from the response, or `nil` when nothing could be extracted.
    public var predictionExtracted: String?
    /// Which extraction rule found the prediction.
    public var predictionSource: ExtractedAnswer.Source?
    /// Why no verdict could be reached, when the answers are not equivalent as written and comparing their values
    /// needs numbers beyond exact and floating-point range (``AnswerChecker/tooLargeReason``); else `nil`.
    public var undecided: String?

    public init(
        equivalent: Bool, goldExtracted: String, predictionExtracted: String?, predictionSource: ExtractedAnswer.Source?,
        undecided: String? = nil
    ) {
        self.equivalent = equivalent
        self.goldExtracted = goldExtracted
        self.predictionExtracted = predictionExtracted
        self.predictionSource = predictionSource
        self.undecided = undecided
    }

    /// The output line of `reckon answers check` for one check: canonical JSON with keys `equivalent`,
    /// `gold_extracted`, `prediction_extracted` and `source` (`null` when nothing was read), and `undecided` (the
    /// reason) only when no verdict could be reached.
    public static func jsonLine(_ result: AnswerCheck) -> String {
        var json = CanonicalJSON()
        json.beginObject()
        json.key("equivalent"); json.raw(result.equivalent ? "true" : "false")
        json.key("gold_extracted"); json.string(result.goldExtracted)
        json.key("prediction_extracted")
        if let p = result.predictionExtracted { json.string(p) } else { json.raw("null") }
        json.key("source")
        if let s = result.predictionSource { json.string(s.rawValue) } else { json.raw("null") }
        if let reason = result.undecided {
            json.key("undecided"); json.string(reason)
        }
        json.endObject()
        return json.text
    }
}
