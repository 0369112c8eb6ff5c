import Exact

/// Pure functions behind `reckon tasks grade`: one input line (an instance as sampled plus `response`) →
/// one verdict line.
public enum TaskGrading {
    /// A graded line.
    public struct Result: Sendable, Equatable {
        public var id: String
        public var family: String
        public var verdict: Verdict

        /// `{"detail":…,"extracted":…,"family":…,"id":…,"metrics":{…},"score":…,"verdict":"correct"}` (sorted keys;
        /// `extracted`/`detail` are `null` when absent).
        public var jsonLine: String {
            var json = CanonicalJSON()
            json.beginObject()
            json.key("detail")
            if let detail = verdict.detail { json.string(detail) } else { json.raw("null") }
            json.key("extracted")
            if let extracted = verdict.extracted { json.string(extracted) } else { json.raw("null") }
            json.key("family"); json.string(family)
            json.key("id"); json.string(id)
            json.key("metrics")
            json.beginObject()
            for key in verdict.metrics.keys.sorted(by: CanonicalJSON.utf8Less) {
                json.key(key); json.raw(TaskGrading.number(verdict.metrics[key]!))
            }
            json.endObject()
            json.key("score"); json.raw(TaskGrading.number(verdict.score))
            json.key("verdict"); json.string(verdict.kind.rawValue)
            json.endObject()
            return json.text
        }
    }

    /// A JSON number for a finite double (integers without a fraction, others with Swift's shortest form).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Rebuilds the instance a line refers to and grades its `response`.
    ///
    /// The line must have `family` and `response`. The instance is regenerated from `seed`, `index` (or the
    /// index at the end of `id`) and `params` when present — checking `version` — and any `answer`/`data` fields
    /// on the line override the regenerated ones. Without `seed`/`index`, the line must carry `answer`.
    public static func grade(line: String, number: Int, registry: TaskRegistry = .standard) throws(TasksError) -> Result {
        let object = try JSONLineReader.object(line, number: number)
        let familyID = try JSONLineReader.string(object, "family", line: number)
        let response = try JSONLineReader.string(object, "response", line: number)
        let family: any TaskFamily
        do {
            family = try registry.family(familyID)
        } catch {
            throw .malformedLine(line: number, reason: error.description)
        }
        if let version = try JSONLineReader.optionalInteger(object, "version", line: number), version != family.version {
            throw .malformedLine(
                line: number, reason: TasksError.versionMismatch(family: familyID, expected: family.version, found: version).description)
        }
        let params = try JSONLineReader.optionalStringMap(object, "params", line: number) ?? [:]
        let difficulty: Difficulty
        do {
            difficulty = try family.difficulty(params)
        } catch {
            throw .malformedLine(line: number, reason: error.description)
        }
        let id = try JSONLineReader.optionalString(object, "id", line: number)
        let seed = try JSONLineReader.optionalUInt64(object, "seed", line: number)
        var index = try JSONLineReader.optionalInteger(object, "index", line: number)
        if index == nil, let id, let last = id.split(separator: "-").last, let n = Int(last) { index = n }
        let answer = try JSONLineReader.optionalString(object, "answer", line: number)
        let data = try JSONLineReader.optionalStringMap(object, "data", line: number)

        var instance: TaskInstance
        if let seed, let index {
            instance = family.generate(seed: seed, difficulty: difficulty, index: index)
            if let answer { instance.answer = answer }
            if let data { instance.data = data }
            if let id { instance.id = id }
        } else if let answer {
            instance = TaskInstance(
                id: id ?? "line-\(number)", family: family.id, version: family.version, seed: seed ?? 0, index: index ?? 0,
                params: difficulty.values, prompt: "", boxedPrompt: "", answer: answer, data: data ?? [:])
        } else {
            throw .malformedLine(line: number, reason: "need either \"seed\" and \"index\" (or an id ending in the index) or \"answer\"")
        }
        return Result(id: instance.id, family: family.id, verdict: family.grade(response: response, instance: instance))
    }

    /// Totals for a summary line.
    public struct Summary: Sendable, Equatable {
        public var counts: [VerdictKind: Int] = [:]
        public var scoreSum = 0.0
        public var total = 0

        public init() {}

        public mutating func add(_ verdict: Verdict) {
            counts[verdict.kind, default: 0] += 1
            scoreSum += verdict.score
            total += 1
        }

        /// e.g. `graded 10: 7 correct (70.0%), 2 incorrect, 1 unparseable; mean score 0.700`.
        public var text: String {
            let correct = counts[.correct] ?? 0
            let percent = total == 0 ? 0 : 100 * Double(correct) / Double(total)
            let mean = total == 0 ? 0 : scoreSum / Double(total)
            return "graded \(total): \(correct) correct (\(format(percent, 1))%), \(counts[.incorrect] ?? 0) incorrect, "
                + "\(counts[.unparseable] ?? 0) unparseable; mean score \(format(mean, 3))"
        }

        private func format(_ value: Double, _ places: Int) -> String {
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            let rounded = (value * scale).rounded() / scale
            var text = String(rounded)
            if let dot = text.firstIndex(of: ".") {
                let decimals = text.distance(from: dot, to: text.endIndex) - 1
                if decimals < places { text += String(repeating: "0", count: places - decimals) }
            }
            return text
        }
    }
}
