/// Writes labelled step-by-step solutions: clean ones, and (a seeded fraction) ones with exactly one injected error.
///
/// For index i the draw is `TaskRNG(seed: seed, family: "steps/<family>", index: i)`: first whether the solution
/// gets an error (probability `errorRate`), then the kind (uniform over the family's kinds) and the step (uniform
/// over the solution's steps); a fault that does not apply at that step is redrawn. The label is recomputed by the
/// family's step checker and the solution is kept only when the checker's earliest wrong step is the injected
/// one, so `label == injectedStep` always.
public struct StepErrorInjector: Sendable {
    public let family: any StepFamily
    public let difficulty: Difficulty
    /// Probability in 0...1 that a solution carries one error.
    public let errorRate: Double

    /// Most redraws of a fault before a solution is written clean (never reached by the built-in families).
    static let maxAttempts = 256

    /// Validates `overrides` against the family's parameters and its step writer.
    public init(family: any StepFamily, overrides: [String: String] = [:], errorRate: Double) throws(TasksError) {
        guard errorRate.isFinite, (0...1).contains(errorRate) else {
            throw .parameterOutOfRange(name: "error-rate", value: String(errorRate), expected: "a number in 0...1")
        }
        let difficulty = try family.taskFamily.difficulty(overrides)
        try family.validateSteps(difficulty)
        self.family = family
        self.difficulty = difficulty
        self.errorRate = errorRate
    }

    /// The labelled solution for problem `index` of `seed`.
    public func solution(seed: UInt64, index: Int) -> LabelledSolution {
        let instance = family.taskFamily.generate(seed: seed, difficulty: difficulty, index: index)
        let problem = family.problem(from: instance)
        let clean = family.solve(problem, fault: nil) ?? []
        var rng = TaskRNG(seed: seed, family: "steps/" + family.id, index: index)
        func labelled(_ steps: [String], _ label: Int, _ kind: StepErrorKind?) -> LabelledSolution {
            LabelledSolution(id: TaskInstance.makeID(family: family.id, seed: seed, index: index), family: family.id,
                             seed: seed, index: index, problem: problem.statement, data: problem.data, steps: steps,
                             label: label, errorKind: kind, injectedStep: label)
        }
        guard rng.unit() < errorRate, !clean.isEmpty, !family.errorKinds.isEmpty else { return labelled(clean, -1, nil) }
        for _ in 0..<Self.maxAttempts {
            let fault = StepFault(step: rng.int(in: 0...(clean.count - 1)), kind: rng.pick(family.errorKinds), draw: rng.next())
            guard let steps = family.solve(problem, fault: fault), steps.count > fault.step,
                  Array(steps[..<fault.step]) == Array(clean[..<fault.step]),
                  (try? family.firstWrongStep(steps, data: problem.data)) == fault.step
            else { continue }
            return labelled(steps, fault.step, fault.kind)
        }
        return labelled(clean, -1, nil)
    }
}
