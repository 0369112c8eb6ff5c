/// The set of task families, looked up by id.
public struct TaskRegistry: Sendable {
    /// Every built-in family (the groups are concatenated in a fixed order, which `reckon tasks list` shows):
    /// arithmetic, number understanding, planning puzzles, approximation (street math), symbolic algebra (mixed
    /// boolean-arithmetic), machines (Turing), word problems, algorithms.
    public static let standard = TaskRegistry(
        uniqueFamilies: ArithmeticFamilies.all + NUPAFamilies.all + PlanningFamilies.all
            + [StreetMathFamily(), MBAFamily(), TuringFamily(), WordProblemsFamily()] + AlgorithmFamilies.all)

    /// Registered families in registration order.
    public let families: [any TaskFamily]

    /// A registry over `families`; throws ``TasksError/duplicateFamily(_:)`` if two share an id.
    public init(families: [any TaskFamily]) throws(TasksError) {
        var seen = Set<String>()
        for family in families where !seen.insert(family.id).inserted {
            throw .duplicateFamily(family.id)
        }
        self.families = families
    }

    private init(uniqueFamilies: [any TaskFamily]) {
        var seen = Set<String>()
        for family in uniqueFamilies {
            precondition(seen.insert(family.id).inserted, "duplicate task family id \(family.id)")
        }
        self.families = uniqueFamilies
    }

    /// Family ids in registration order.
    public var ids: [String] { families.map(\.id) }

    /// The family with `id`; unknown ids throw ``TasksError/unknownFamily(_:suggestion:)`` with the closest id.
    public func family(_ id: String) throws(TasksError) -> any TaskFamily {
        if let found = families.first(where: { $0.id == id }) { return found }
        throw .unknownFamily(id, suggestion: EditDistance.closest(to: id, among: ids))
    }
}
