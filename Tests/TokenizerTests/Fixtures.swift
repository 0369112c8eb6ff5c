import Foundation
import Testing

/// One entry of `Fixtures/tokenizer_golden.json` (written by `Scripts/oracle/tokenizer_golden.py`).
struct GoldenTokenization: Decodable, Sendable, CustomTestStringConvertible {
    var text: String
    var ids: [Int]
    var ids_no_special_parsing: [Int]
    var ids_gpt2_pretokenizer: [Int]

    var testDescription: String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…(\(text.count) chars)" : text
        return String(reflecting: shown)
    }
}

/// `Fixtures/chat_template_golden.json`: renderings of the model's own Jinja template by jinja2.
struct ChatTemplateGolden: Decodable, Sendable {
    struct Case: Decodable, Sendable {
        var messages: [Message]
        var add_generation_prompt: Bool
        var expected: String
        var ids: [Int]
    }
    struct Message: Decodable, Sendable {
        var role: String
        var content: String
    }
    var template: String
    var default_system_prompt: String?
    var cases: [Case]
}

enum Fixtures {
    static func url(_ name: String) throws -> URL {
        try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
            "missing fixture \(name).json; regenerate with Scripts/oracle/tokenizer_golden.py")
    }

    static func goldenTokenizations() throws -> [GoldenTokenization] {
        try JSONDecoder().decode([GoldenTokenization].self, from: Data(contentsOf: url("tokenizer_golden")))
    }

    static func chatTemplateGolden() throws -> ChatTemplateGolden {
        try JSONDecoder().decode(ChatTemplateGolden.self, from: Data(contentsOf: url("chat_template_golden")))
    }
}

/// SplitMix64: a small seeded generator, so property tests are reproducible from the printed seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
