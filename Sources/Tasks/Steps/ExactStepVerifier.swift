/// The exact step verifier: re-checks a solution's steps with its family's step checker (a sanity check of the
/// data: it finds every label).
public enum ExactStepVerifier {
    /// The earliest wrong step of `solution` by its family's checker (−1 when all are right; the step count when
    /// the steps stop before the answer). Throws for an unknown family or malformed `data`.
    public static func prediction(for solution: LabelledSolution) throws(TasksError) -> Int {
        try StepFamilies.family(solution.family).firstWrongStep(solution.steps, data: solution.data)
    }
}
