import Exact

/// Pure function behind `reckon answers check`: `{"gold": …, "prediction": …}` →
/// `{"equivalent": bool, "gold_extracted": …, "prediction_extracted": …, "source": …}`.
///
/// The prediction is treated as a model response (``AnswerExtractor/extract(from:)``); the gold as an answer
/// (``AnswerExtractor/extractGold(from:)``).
public enum AnswerChecking {
    public static func check(line: String, number: Int, checker: AnswerChecker = AnswerChecker()) throws(TasksError) -> AnswerCheck {
        let object = try JSONLineReader.object(line, number: number)
        let gold = try JSONLineReader.string(object, "gold", line: number)
        let prediction = try JSONLineReader.string(object, "prediction", line: number)
        return checker.check(gold: gold, response: prediction)
    }

    /// The output line for one check (sorted keys; `prediction_extracted`/`source` are `null` when nothing was read).
    public static func jsonLine(_ result: AnswerCheck) -> String {
        var json = CanonicalJSON()
        json.beginObject()
        json.key("equivalent"); json.raw(result.equivalent ? "true" : "false")
        json.key("gold_extracted"); json.string(result.goldExtracted)
        json.key("prediction_extracted")
        if let p = result.predictionExtracted { json.string(p) } else { json.raw("null") }
        json.key("source")
        if let s = result.predictionSource { json.string(s.rawValue) } else { json.raw("null") }
        json.endObject()
        return json.text
    }
}
