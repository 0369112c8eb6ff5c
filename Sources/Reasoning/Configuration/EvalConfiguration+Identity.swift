import Exact
import Tasks

extension EvalConfiguration {
    /// The canonical JSON of every field except `strategies`: keys sorted by UTF-8 bytes, no whitespace, strings
    /// minimally escaped, integers in decimal, doubles in Swift's shortest round-trip form (`0.8`, `1.0`).
    ///
    ///     {"chat":true,"difficulty":{…},"maxTokens":256,"minP":0.05,"model":"…","problems":20,
    ///      "promptStyle":"boxed","samples":8,"seed":0,"task":"…","taskVersion":1,"temperature":0.8,"topK":40,
    ///      "topP":0.95}
    ///
    /// Settings added after the first runs appear only when they are in use, so that a run made before they
    /// existed keeps its identity: `repetitionPenalty` and `penaltyWindow` when the penalty is not 1, `stop` when
    /// there are stop strings, `taskVersion` when recorded (`reckon eval` always records it).
    public var identityJSON: String {
        var json = CanonicalJSON()
        json.beginObject()
        json.key("chat"); json.raw(chat ? "true" : "false")
        json.key("difficulty"); json.stringMap(difficulty)
        json.key("maxTokens"); json.raw(String(maxTokens))
        json.key("minP"); json.raw(String(sampling.minP))
        json.key("model"); json.string(model)
        let penalised = sampling.repetitionPenalty != 1
        if penalised { json.key("penaltyWindow"); json.raw(String(sampling.penaltyWindow)) }
        json.key("problems"); json.raw(String(problems))
        json.key("promptStyle"); json.string(promptStyle)
        if penalised { json.key("repetitionPenalty"); json.raw(String(sampling.repetitionPenalty)) }
        json.key("samples"); json.raw(String(samples))
        json.key("seed"); json.raw(String(seed))
        if !stop.isEmpty {
            json.key("stop")
            json.beginArray()
            for text in stop { json.string(text) }
            json.endArray()
        }
        json.key("task"); json.string(task)
        if let taskVersion { json.key("taskVersion"); json.raw(String(taskVersion)) }
        json.key("temperature"); json.raw(String(sampling.temperature))
        json.key("topK"); json.raw(String(sampling.topK))
        json.key("topP"); json.raw(String(sampling.topP))
        json.endObject()
        return json.text
    }

    /// SHA-256 (lower-case hex) of ``identityJSON``: the run's identity. Changing anything but `strategies`
    /// changes it.
    public func identityHash() -> String {
        SHA256Hasher.hex(identityJSON)
    }
}
