import Exact
import Tasks

extension EvalConfiguration {
    /// The canonical JSON of every field except `strategies`: keys sorted by UTF-8 bytes, no whitespace, strings
    /// minimally escaped, integers in decimal, doubles in Swift's shortest round-trip form (`0.8`, `1.0`).
    ///
    ///     {"chat":true,"difficulty":{…},"maxTokens":256,"minP":0.05,"model":"…","problems":20,
    ///      "promptStyle":"boxed","samples":8,"seed":0,"task":"…","temperature":0.8,"topK":40,"topP":0.95}
    public var identityJSON: String {
        var json = CanonicalJSON()
        json.beginObject()
        json.key("chat"); json.raw(chat ? "true" : "false")
        json.key("difficulty"); json.stringMap(difficulty)
        json.key("maxTokens"); json.raw(String(maxTokens))
        json.key("minP"); json.raw(String(minP))
        json.key("model"); json.string(model)
        json.key("problems"); json.raw(String(problems))
        json.key("promptStyle"); json.string(promptStyle)
        json.key("samples"); json.raw(String(samples))
        json.key("seed"); json.raw(String(seed))
        json.key("task"); json.string(task)
        json.key("temperature"); json.raw(String(temperature))
        json.key("topK"); json.raw(String(topK))
        json.key("topP"); json.raw(String(topP))
        json.endObject()
        return json.text
    }

    /// SHA-256 (lower-case hex) of ``identityJSON``: the run's identity. Changing anything but `strategies`
    /// changes it.
    public func identityHash() -> String {
        SHA256Hasher.hex(identityJSON)
    }
}
