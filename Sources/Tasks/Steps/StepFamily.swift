/// A task family whose problems can be solved step by step, with one error injected on request, and whose
/// steps can be checked one by one.
///
/// Invariants (tested for every family): `solve(problem, fault: nil)` passes `firstWrongStep` (−1); a solution
/// written with a fault at step k, when `solve` returns one, keeps steps before k identical to the clean solution,
/// and the injector keeps it only when `firstWrongStep` answers exactly k.
public protocol StepFamily: Sendable {
    /// The id of the task family the problems come from (e.g. `arithmetic-add`).
    var id: String { get }
    /// The error kinds this family can inject.
    var errorKinds: [StepErrorKind] { get }
    /// The task family generating the problems (its difficulty parameters apply).
    var taskFamily: any TaskFamily { get }
    /// Checks that a difficulty suits step-by-step solutions (default: every difficulty does).
    func validateSteps(_ difficulty: Difficulty) throws(TasksError)
    /// The problem behind a generated instance.
    func problem(from instance: TaskInstance) -> StepProblem
    /// The solution's steps; with a fault, the error is made at `fault.step` and later steps continue from the
    /// wrong value or state as a solver who did not notice would. `nil` when the fault does not apply there.
    func solve(_ problem: StepProblem, fault: StepFault?) -> [String]?
    /// The 0-based index of the earliest wrong step, or −1 when every step is right. Throws
    /// ``TasksError/invalidStepData(family:reason:)`` when `data` is not what this family writes.
    func firstWrongStep(_ steps: [String], data: [String: String]) throws(TasksError) -> Int
}

extension StepFamily {
    public func validateSteps(_ difficulty: Difficulty) throws(TasksError) {}
}
