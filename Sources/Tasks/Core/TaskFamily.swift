import Answers

/// A generator of fresh, deterministically graded problems.
///
/// Recipe for a new family: pick a stable kebab-case `id`; declare `parameters` (each with a domain and a
/// default); in `generate`, draw everything from `TaskRNG(seed: seed, family: id, index: index)`; fill
/// `answer` with the canonical answer string (a response that is exactly this string must grade correct) and
/// `data` with whatever grading needs; in `grade`, read the response with ``AnswerExtractor`` (or a
/// family-specific reader) and compare. Bump `version` whenever generation changes, and re-record the family's
/// determinism golden (`Tests/TasksTests/Fixtures/determinism*.json`).
public protocol TaskFamily: Sendable {
    /// Short kebab-case id, stable forever.
    var id: String { get }
    /// Bumped when generation changes (the determinism golden changes with it).
    var version: Int { get }
    /// One line saying what the family asks.
    var summary: String { get }
    /// Difficulty knobs, in display order.
    var parameters: [DifficultyParameter] { get }
    /// Deterministic: same (seed, difficulty, index) → same instance on every machine.
    func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance
    /// Grades a model response (full text). Must accept the exact `answer` string as correct.
    func grade(response: String, instance: TaskInstance) -> Verdict
    /// Checks constraints between parameters after each was validated alone (default: none).
    func validate(_ difficulty: Difficulty) throws(TasksError)
}

extension TaskFamily {
    public func validate(_ difficulty: Difficulty) throws(TasksError) {}

    /// Validates overrides (e.g. `"digits_a": "3"`) against `parameters`, fills defaults, then runs
    /// ``validate(_:)``. Throws ``TasksError/unknownParameter(_:family:known:)`` or
    /// ``TasksError/parameterOutOfRange(name:value:expected:)``.
    public func difficulty(_ overrides: [String: String] = [:]) throws(TasksError) -> Difficulty {
        let names = parameters.map(\.name)
        for name in overrides.keys.sorted() where !names.contains(name) {
            throw .unknownParameter(name, family: id, known: names)
        }
        var values: [String: String] = [:]
        for parameter in parameters {
            let value = overrides[parameter.name] ?? parameter.defaultValue
            guard parameter.domain.contains(value) else {
                throw .parameterOutOfRange(name: parameter.name, value: value, expected: parameter.domain.summary)
            }
            // Normalise integers ("05" → "5") so equal difficulties hash equally.
            if case .integer = parameter.domain, let number = Int(value) {
                values[parameter.name] = String(number)
            } else {
                values[parameter.name] = value
            }
        }
        let difficulty = Difficulty(values: values)
        try validate(difficulty)
        return difficulty
    }

    /// The default difficulty (every parameter at its default). Traps if the defaults are inconsistent.
    public var defaultDifficulty: Difficulty {
        do { return try difficulty() } catch { preconditionFailure("family \(id) has invalid defaults: \(error)") }
    }

    /// Instances `0..<count` for `seed` at `difficulty`.
    public func generate(seed: UInt64, difficulty: Difficulty, count: Int) -> [TaskInstance] {
        (0..<max(0, count)).map { generate(seed: seed, difficulty: difficulty, index: $0) }
    }
}
