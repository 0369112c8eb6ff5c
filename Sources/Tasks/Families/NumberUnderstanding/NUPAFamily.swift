/// Number understanding (NUPA, "Number Cookbook", Yang et al., arXiv 2411.03766): 17 tasks × 4
/// representations, the 41 valid combinations, one family `nupa` with parameters `task`, `representation` and
/// `digits` (the length L of research/tasks.md §2.4).
///
/// Grading is representation-sensitive, as in NUPA: the answer is read from the last `\boxed{}`, else the text
/// after "answer is", else the start of the response (after an optional `=`), with an anchored pattern for the
/// output type (integer `\d+`, float `\d+\.\d+`, fraction `\d+/\d+`, scientific `\d+\.\d+e[+-]?\d+`); failing
/// that, the last match anywhere. Signs are dropped and `E` becomes `e`. `exact_match` (the score) requires every
/// part equal as digit strings (`1/2` ≠ `2/4`, `1.50` ≠ `1.5`); `digit_match` is the fraction of reference digits
/// matched position-wise (integer parts, numerators, denominators and exponents aligned right; decimal parts
/// aligned left); `length_diff` is |#digits − #reference digits|.
public struct NUPAFamily: TaskFamily {
    public let id = "nupa"
    public let version = 1
    public let summary = "Number understanding (NUPA): 17 tasks × integer/float/fraction/scientific, 41 combinations."

    public init() {}

    public var parameters: [DifficultyParameter] {
        [
            .choice("task", NUPATask.allCases.map(\.rawValue), default: "add", "which NUPA task"),
            .choice("representation", NUPARepresentation.allCases.map(\.rawValue), default: "integer", "number representation"),
            .integer("digits", 1...100, default: 5, "length L of the numbers (digits; decimals for floats and scientific)"),
        ]
    }

    public func validate(_ difficulty: Difficulty) throws(TasksError) {
        guard let task = NUPATask(rawValue: difficulty.string("task")),
            let representation = NUPARepresentation(rawValue: difficulty.string("representation"))
        else { return }
        if !task.representations.contains(representation) {
            let valid = task.representations.map(\.rawValue).joined(separator: ", ")
            throw .invalidCombination(
                family: id, reason: "task \(task.rawValue) is not defined for representation \(representation.rawValue); "
                    + "valid representations: \(valid)")
        }
    }

    // MARK: Generation

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        let task = NUPATask(rawValue: difficulty.string("task")) ?? .add
        let representation = NUPARepresentation(rawValue: difficulty.string("representation")) ?? .integer
        // One stream per combination, so that tasks do not share operands.
        var rng = TaskRNG(seed: seed, family: "\(id)/\(task.rawValue)/\(representation.rawValue)", index: index)
        let length = difficulty.int("digits")
        let problem = NUPAProblems.make(task: task, representation: representation, length: length, rng: &rng)
        let output = task.outputRepresentation(for: representation)
        let prompt = output.typeHint + " " + problem.question
        var data = problem.operands
        data["output"] = output.rawValue
        return TaskInstance(
            id: TaskInstance.makeID(family: id, seed: seed, index: index), family: id, version: version, seed: seed,
            index: index, params: difficulty.values, prompt: prompt,
            boxedPrompt: prompt + " Put the final answer in \\boxed{}.", answer: problem.answer, data: data)
    }

    // MARK: Grading

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        let output = NUPARepresentation(rawValue: instance.data["output"] ?? "")
            ?? NUPATask(rawValue: instance.params["task"] ?? "")?.outputRepresentation(
                for: NUPARepresentation(rawValue: instance.params["representation"] ?? "") ?? .integer) ?? .integer
        guard let gold = NUPAParsing.parts(of: Substring(instance.answer), as: output, anchored: true) else {
            return .unparseable(detail: "reference answer '\(instance.answer)' is not a \(output.rawValue)")
        }
        guard let (text, predicted) = NUPAParsing.read(response, as: output) else {
            return .unparseable(detail: "no \(output.rawValue) found in the response")
        }
        let metrics = NUPAParsing.metrics(gold: gold, prediction: predicted, representation: output)
        if predicted == gold {
            return .correct(extracted: text, metrics: metrics)
        }
        return .incorrect(extracted: text, metrics: metrics)
    }
}

/// The NUPA family (one family; task and representation are parameters).
public enum NUPAFamilies {
    public static let all: [any TaskFamily] = [NUPAFamily()]
}
