/// The resolved knobs of one easy list task.
struct ListSettings: Sendable {
    var length: Int
    /// Value range after ordering the two bounds.
    var low: Int
    var high: Int
    /// Only for `count-multiples`.
    var divisor: Int

    init(_ values: [String: String]) {
        length = Int(values["length"] ?? "") ?? 2
        let a = Int(values["low"] ?? "") ?? 1, b = Int(values["high"] ?? "") ?? 100
        low = min(a, b)
        high = max(a, b)
        divisor = Int(values["divisor"] ?? "") ?? 3
    }

    var range: ClosedRange<Int> { low...high }
}

/// The expected answer of an easy task, which also decides how a response is graded.
enum ListAnswer: Sendable {
    case integer(String)
    /// Exact value, reference text, absolute tolerance.
    case decimal(Double, String, Double)
    case ordered([Int])
    case set([Int])
    case phrase(String)

    var text: String {
        switch self {
        case .integer(let s): return s
        case .decimal(_, let s, _): return s
        case .ordered(let v): return InstanceBuilder.list(v)
        case .set(let v): return v.map(String.init).joined(separator: ", ")
        case .phrase(let s): return s
        }
    }
}

/// One BeyondBench easy task as data: how to draw its numbers, ask, and solve.
struct ListTaskSpec: Sendable {
    enum Shape: Sendable { case list, pair }
    let id: String
    let summary: String
    let shape: Shape
    var extraParameters: [DifficultyParameter] = []
    let draw: @Sendable (inout TaskRNG, ListSettings) -> [Int]
    let question: @Sendable ([Int], ListSettings) -> String
    let solve: @Sendable ([Int], ListSettings) -> ListAnswer
    /// Whether `solve` is defined for these numbers beyond the shared bounds (e.g. a divisor that is not 0).
    var accepts: @Sendable ([Int]) -> Bool = { _ in true }
}

/// A task family for one BeyondBench easy task (a list of integers → a number, list or phrase).
///
/// Parameters: `length` (list length, 2...128, default 8; absent for two-number tasks), `low`/`high` (value range,
/// −10⁶...10⁶, default −100...100 as in BeyondBench's paper preset; `low > high` is rejected by `validate`).
/// The numbers shown are in `data["numbers"]`; grading re-solves from them.
struct ListTaskFamily: TaskFamily {
    let spec: ListTaskSpec
    var id: String { spec.id }
    var version: Int { 1 }
    var summary: String { spec.summary }

    var parameters: [DifficultyParameter] {
        var out: [DifficultyParameter] = []
        if spec.shape == .list {
            out.append(.integer("length", 2...128, default: 8, "number of values in the list"))
        }
        out.append(.integer("low", -1_000_000...1_000_000, default: -100, "smallest value that may be drawn"))
        out.append(.integer("high", -1_000_000...1_000_000, default: 100, "largest value that may be drawn"))
        return out + spec.extraParameters
    }

    /// `low` must not exceed `high`.
    func validate(_ difficulty: Difficulty) throws(TasksError) {
        if let low = Int(difficulty["low"] ?? ""), let high = Int(difficulty["high"] ?? ""), low > high {
            throw .invalidCombination(
                family: id, reason: "low (\(low)) is greater than high (\(high)); pass a low that is at most high")
        }
    }

    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let settings = ListSettings(difficulty.values)
        let numbers = spec.draw(&rng, settings)
        let answer = spec.solve(numbers, settings)
        return InstanceBuilder.make(
            family: self, seed: seed, index: index, difficulty: difficulty, question: spec.question(numbers, settings),
            answer: answer.text, data: ["numbers": InstanceBuilder.list(numbers)])
    }

    func grade(response: String, instance: TaskInstance) -> Verdict {
        // The bounds of the parameters (length 2...128, values within ±10⁶): nothing larger reaches the arithmetic.
        let count = spec.shape == .list ? 2...128 : 2...2
        guard let numbers = InstanceBuilder.checkedList(instance.data["numbers"], count: count, magnitude: 1_000_000),
              spec.accepts(numbers)
        else { return missingDataVerdict("numbers") }
        let settings = ListSettings(instance.params)
        switch spec.solve(numbers, settings) {
        case .integer(let expected):
            return ShapeGrading.integer(response, expected: expected)
        case .decimal(let value, let text, let tolerance):
            return ShapeGrading.decimal(response, expected: value, tolerance: tolerance, expectedText: text)
        case .ordered(let values):
            return ShapeGrading.orderedList(response, expected: values.map(String.init))
        case .set(let values):
            return ShapeGrading.integerSet(response, expected: values.map(String.init))
        case .phrase(let expected):
            return ShapeGrading.phrase(response, expected: expected, synonyms: ListTasks.comparisonSynonyms)
        }
    }
}
