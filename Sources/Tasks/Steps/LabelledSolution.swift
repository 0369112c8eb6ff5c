import Exact

/// A step-by-step solution labelled as ProcessBench labels them: `label` is the 0-based index of the earliest
/// wrong step, or −1 when every step is right.
///
/// JSON line (sorted keys, one line): `data` (what the step checker needs), `error_kind` (null when clean),
/// `family`, `id`, `index`, `injected_step` (−1 when clean), `label`, `problem`, `seed`, `steps` (array of strings).
public struct LabelledSolution: Sendable, Equatable {
    /// `"<family>-<seed>-<index>"`.
    public var id: String
    public var family: String
    public var seed: UInt64
    public var index: Int
    /// The problem statement.
    public var problem: String
    /// The step checker's data.
    public var data: [String: String]
    public var steps: [String]
    /// The earliest wrong step (0-based), or −1.
    public var label: Int
    /// The kind of the injected error; nil for a clean solution.
    public var errorKind: StepErrorKind?
    /// Where the error was injected (−1 for a clean solution); by construction equal to `label`.
    public var injectedStep: Int

    public init(id: String, family: String, seed: UInt64, index: Int, problem: String, data: [String: String],
                steps: [String], label: Int, errorKind: StepErrorKind?, injectedStep: Int) {
        self.id = id
        self.family = family
        self.seed = seed
        self.index = index
        self.problem = problem
        self.data = data
        self.steps = steps
        self.label = label
        self.errorKind = errorKind
        self.injectedStep = injectedStep
    }

    /// The solution as one line of canonical JSON (no trailing newline).
    public var jsonLine: String {
        var json = CanonicalJSON()
        json.beginObject()
        json.key("data"); json.stringMap(data)
        json.key("error_kind")
        if let errorKind { json.string(errorKind.rawValue) } else { json.raw("null") }
        json.key("family"); json.string(family)
        json.key("id"); json.string(id)
        json.key("index"); json.raw(String(index))
        json.key("injected_step"); json.raw(String(injectedStep))
        json.key("label"); json.raw(String(label))
        json.key("problem"); json.string(problem)
        json.key("seed"); json.raw(String(seed))
        json.key("steps")
        json.beginArray()
        for step in steps { json.string(step) }
        json.endArray()
        json.endObject()
        return json.text
    }

    /// Reads one line written by ``jsonLine`` (1-based line `number` for errors). Required: `family`, `problem`,
    /// `steps` (array of strings), `label` (integer ≥ −1 and < the step count); `data` defaults to empty, `id` to
    /// `line-<number>`, `error_kind` to none.
    public static func parse(line: String, number: Int) throws(TasksError) -> LabelledSolution {
        let object = try JSONLineReader.object(line, number: number)
        let family = try JSONLineReader.string(object, "family", line: number)
        let problem = try JSONLineReader.string(object, "problem", line: number)
        guard case .array(let items)? = object["steps"] else {
            throw .malformedLine(line: number, reason: "missing field \"steps\" (an array of strings)")
        }
        var steps: [String] = []
        for (position, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw .malformedLine(line: number, reason: "steps[\(position)] must be a string, found \(item.kindDescription)")
            }
            steps.append(text)
        }
        guard let label = try JSONLineReader.optionalInteger(object, "label", line: number) else {
            throw .malformedLine(line: number, reason: "missing field \"label\" (the earliest wrong step, or -1)")
        }
        guard label >= -1 && label < steps.count else {
            throw .malformedLine(line: number, reason: "label \(label) is not -1 or a step index 0..<\(steps.count)")
        }
        var kind: StepErrorKind?
        if let name = try JSONLineReader.optionalString(object, "error_kind", line: number) {
            guard let known = StepErrorKind(rawValue: name) else {
                let names = StepErrorKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw .malformedLine(line: number, reason: "unknown error_kind '\(name)'; expected one of: \(names)")
            }
            kind = known
        }
        return LabelledSolution(
            id: try JSONLineReader.optionalString(object, "id", line: number) ?? "line-\(number)", family: family,
            seed: try JSONLineReader.optionalUInt64(object, "seed", line: number) ?? 0,
            index: try JSONLineReader.optionalInteger(object, "index", line: number) ?? 0, problem: problem,
            data: try JSONLineReader.optionalStringMap(object, "data", line: number) ?? [:], steps: steps, label: label,
            errorKind: kind, injectedStep: try JSONLineReader.optionalInteger(object, "injected_step", line: number) ?? label)
    }
}
