import Exact

/// `word-problems`: templated grade-school word problems with sampled numbers (GSM-Symbolic style). The answer is
/// computed exactly (rationals) from the template's answer expression; grading compares the response's number
/// exactly (integers, decimals or fractions). Users add templates with ``WordProblemTemplate/load(from:)`` and
/// ``WordProblemsFamily/init(templates:)``.
public struct WordProblemsFamily: TaskFamily {
    public let templates: [WordProblemTemplate]

    /// - Precondition: `templates` is non-empty with unique ids.
    public init(templates: [WordProblemTemplate] = WordProblemTemplate.builtIn) {
        precondition(!templates.isEmpty && Set(templates.map(\.id)).count == templates.count)
        self.templates = templates
    }

    public let id = "word-problems"
    public let version = 1
    public let summary = "Templated word problems with sampled numbers and exact rational answers."
    public var parameters: [DifficultyParameter] {
        [
            DifficultyParameter(name: "template", summary: "template id (any: uniform over all templates)",
                                domain: .choice(["any"] + templates.map(\.id)), defaultValue: "any"),
            DifficultyParameter(name: "scale", summary: "upper bounds of 'scaled' ranges are multiplied by 10^(scale−1)",
                                domain: .integer(1...3), defaultValue: "1"),
        ]
    }

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let choice = difficulty.string("template")
        let template = templates.first { $0.id == choice } ?? rng.pick(templates)
        var scale = difficulty.int("scale")
        var sample = template.sample(rng: &rng, scale: scale)
        if sample == nil {           // constraints too tight at this scale: fall back to scale 1 (checked at load)
            scale = 1
            sample = template.sample(rng: &rng, scale: 1)
        }
        let s = sample ?? WordProblemTemplate.Sample(question: template.text, answer: Rational(0), assignment: [])
        let answer = TemplateExpression.render(s.answer)
        let unitNote = template.unit.map { " (in \($0))" } ?? ""
        return standardInstance(seed: seed, index: index, difficulty: difficulty, body: s.question,
                              plainSuffix: "Give the final answer as a single number\(unitNote). End your reply with a line of the form: Final answer: <number>",
                              boxedSuffix: "Give the final answer as a single number\(unitNote) inside \\boxed{}.",
                              answer: answer,
                              data: ["template": template.id, "exact": s.answer.description, "scale_used": String(scale),
                                     "assignment": s.assignment.joined(separator: ";")])
    }

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let exact = instance.data["exact"].flatMap(Rational.parse) else { return missingDataVerdict("exact") }
        guard let (text, _) = FinalAnswerReader.number(in: response), let value = Rational.parse(text) else {
            return Verdict(kind: .unparseable, score: 0, extracted: nil, detail: "no number found in the response", metrics: [:])
        }
        let ok = value == exact
        let relative = exact.isZero ? abs(value.doubleValue) : abs(value.doubleValue - exact.doubleValue) / abs(exact.doubleValue)
        return Verdict(kind: ok ? .correct : .incorrect, score: ok ? 1 : 0, extracted: text,
                       detail: ok ? nil : "expected \(instance.answer)", metrics: ["relative_error": relative])
    }
}
