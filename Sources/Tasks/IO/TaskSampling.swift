import Answers
import Exact

/// Pure functions behind `reckon tasks list` and `reckon tasks sample`.
public enum TaskSampling {
    /// Parses `key=value` overrides (e.g. from repeated `--difficulty` options); later keys win.
    public static func parseOverrides(_ items: [String]) throws(TasksError) -> [String: String] {
        var out: [String: String] = [:]
        for item in items {
            for part in item.split(separator: ",", omittingEmptySubsequences: true) {
                guard let eq = part.firstIndex(of: "="), eq != part.startIndex else { throw .malformedOverride(String(part)) }
                let key = part[..<eq].trimmingSpaces
                let value = part[part.index(after: eq)...].trimmingSpaces
                guard !key.isEmpty, !value.isEmpty else { throw .malformedOverride(String(part)) }
                out[String(key)] = String(value)
            }
        }
        return out
    }

    /// Instances `0..<count` of `familyID` as canonical JSON lines (no trailing newlines).
    public static func sample(
        familyID: String, overrides: [String: String], seed: UInt64, count: Int,
        registry: TaskRegistry = .standard
    ) throws(TasksError) -> [String] {
        let family = try registry.family(familyID)
        let difficulty = try family.difficulty(overrides)
        return (0..<max(0, count)).map { family.generate(seed: seed, difficulty: difficulty, index: $0).canonicalJSONLine }
    }

    /// The catalogue as one JSON document: `[{"id","version","summary","parameters":[{"name","summary",
    /// "type":"integer","min","max","default"} | {"name","summary","type":"choice","choices":[…],"default"}]}]`.
    public static func catalogJSON(registry: TaskRegistry = .standard) -> String {
        var json = CanonicalJSON()
        json.beginArray()
        for family in registry.families {
            json.beginObject()
            json.key("id"); json.string(family.id)
            json.key("parameters")
            json.beginArray()
            for parameter in family.parameters {
                json.beginObject()
                switch parameter.domain {
                case .integer(let range):
                    json.key("default"); json.raw(parameter.defaultValue)
                    json.key("max"); json.raw(String(range.upperBound))
                    json.key("min"); json.raw(String(range.lowerBound))
                    json.key("name"); json.string(parameter.name)
                    json.key("summary"); json.string(parameter.summary)
                    json.key("type"); json.string("integer")
                case .choice(let options):
                    json.key("choices")
                    json.beginArray()
                    for option in options { json.string(option) }
                    json.endArray()
                    json.key("default"); json.string(parameter.defaultValue)
                    json.key("name"); json.string(parameter.name)
                    json.key("summary"); json.string(parameter.summary)
                    json.key("type"); json.string("choice")
                }
                json.endObject()
            }
            json.endArray()
            json.key("summary"); json.string(family.summary)
            json.key("version"); json.raw(String(family.version))
            json.endObject()
        }
        json.endArray()
        return json.text
    }

    /// The catalogue as human-readable text (one block per family).
    public static func catalogText(registry: TaskRegistry = .standard) -> String {
        var lines: [String] = []
        for family in registry.families {
            lines.append("\(family.id) (v\(family.version)): \(family.summary)")
            for parameter in family.parameters {
                lines.append("    \(parameter.name): \(parameter.domain.summary), default \(parameter.defaultValue) — \(parameter.summary)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
