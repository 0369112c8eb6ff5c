import Exact

/// One generated problem: prompts, the reference answer, and whatever the family needs to grade.
///
/// JSON form (keys as in ``CodingKeys``): `id`, `family`, `version`, `seed`, `index`, `params`, `prompt`,
/// `boxed_prompt`, `answer`, `data`.
public struct TaskInstance: Sendable, Codable, Equatable {
    /// `"<family>-<seed>-<index>"`.
    public var id: String
    public var family: String
    public var version: Int
    public var seed: UInt64
    public var index: Int
    /// The full difficulty (every parameter, defaults included).
    public var params: [String: String]
    /// The plain prompt.
    public var prompt: String
    /// The same prompt, asking for the final answer in `\boxed{}`.
    public var boxedPrompt: String
    /// Canonical reference answer; a response that is exactly this string grades correct.
    public var answer: String
    /// Family-specific state needed to grade (strings only, JSON-able).
    public var data: [String: String]

    public init(
        id: String, family: String, version: Int, seed: UInt64, index: Int, params: [String: String],
        prompt: String, boxedPrompt: String, answer: String, data: [String: String] = [:]
    ) {
        self.id = id
        self.family = family
        self.version = version
        self.seed = seed
        self.index = index
        self.params = params
        self.prompt = prompt
        self.boxedPrompt = boxedPrompt
        self.answer = answer
        self.data = data
    }

    /// The conventional id `"<family>-<seed>-<index>"`.
    public static func makeID(family: String, seed: UInt64, index: Int) -> String {
        "\(family)-\(seed)-\(index)"
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, family, version, seed, index, params, prompt
        case boxedPrompt = "boxed_prompt"
        case answer, data
    }

    /// The instance as one line of canonical JSON (no trailing newline): keys sorted by UTF-8 bytes, no
    /// insignificant whitespace, strings escaped minimally (`\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, other
    /// control characters as `\u00XX`; everything else, including non-ASCII and `/`, verbatim). This is the
    /// line `reckon tasks sample --format jsonl` prints and the input of the determinism goldens.
    public var canonicalJSONLine: String {
        var json = CanonicalJSON()
        json.beginObject()
        // Sorted: answer, boxed_prompt, data, family, id, index, params, prompt, seed, version.
        json.key("answer"); json.string(answer)
        json.key("boxed_prompt"); json.string(boxedPrompt)
        json.key("data"); json.stringMap(data)
        json.key("family"); json.string(family)
        json.key("id"); json.string(id)
        json.key("index"); json.raw(String(index))
        json.key("params"); json.stringMap(params)
        json.key("prompt"); json.string(prompt)
        json.key("seed"); json.raw(String(seed))
        json.key("version"); json.raw(String(version))
        json.endObject()
        return json.text
    }
}
