import Answers

/// Pure function behind `reckon answers check`: `{"gold": …, "prediction": …}` →
/// `{"equivalent": bool, "gold_extracted": …, "prediction_extracted": …, "source": …}`, plus `"undecided": reason`
/// when the values could not be compared (``AnswerChecker/judge(gold:prediction:)``).
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

    /// The output line for one check (``AnswerCheck/jsonLine(_:)``).
    public static func jsonLine(_ result: AnswerCheck) -> String {
        AnswerCheck.jsonLine(result)
    }
}
