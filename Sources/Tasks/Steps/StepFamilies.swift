/// The families `reckon tasks steps` writes step-by-step solutions for.
public enum StepFamilies {
    /// Arithmetic scratchpads (column addition, long multiplication), a planning puzzle (Tower of Hanoi) and word
    /// problems (one step per operation).
    public static let all: [any StepFamily] = [AdditionSteps(), MultiplicationSteps(), HanoiSteps(), WordProblemSteps()]

    public static var ids: [String] { all.map(\.id) }

    /// The step family with `id`; others throw ``TasksError/unsupportedStepFamily(_:supported:)``.
    public static func family(_ id: String) throws(TasksError) -> any StepFamily {
        if let found = all.first(where: { $0.id == id }) { return found }
        throw .unsupportedStepFamily(id, supported: ids)
    }
}
