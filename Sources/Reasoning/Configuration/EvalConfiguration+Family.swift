import Tasks

extension EvalConfiguration {
    /// Validates the configuration against the family that will run it (its id and, when the configuration names
    /// one, its version) and returns the resolved difficulty. Shared by the replay and the online runner.
    /// - Throws: ``ReasoningError/invalidConfiguration(field:value:requirement:)`` or ``ReasoningError/difficulty(_:)``.
    func resolvedDifficulty(for family: any TaskFamily) throws(ReasoningError) -> Difficulty {
        try validate()
        guard task == family.id else {
            throw .invalidConfiguration(field: "task", value: task, requirement: "the family's id '\(family.id)'")
        }
        if let taskVersion, taskVersion != family.version {
            throw .invalidConfiguration(field: "task version", value: "\(taskVersion)",
                                        requirement: "the version of '\(family.id)' in this Reckon, \(family.version)")
        }
        do { return try family.difficulty(self.difficulty) } catch { throw .difficulty(error) }
    }
}
