import Testing
import Exact

@Suite struct JSONValueTests {
    @Test func parsesEveryKind() throws {
        let value = try JSONValue.parse(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#)
        guard case .object(let o) = value else { Issue.record("not an object"); return }
        #expect(o["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(o["b"] == .string("x\"\\/\né😀"))
        #expect(o["c"] == .object([:]))
        #expect(try JSONValue.parse("18446744073709551615") == .number("18446744073709551615"))
    }

    @Test func rejectsMalformedInputWithOffsets() {
        let bad: [(String, String)] = [
            ("{", "at byte 1"), ("{\"a\" 1}", "expected ':'"), ("[1,]", "unexpected character"), ("01x", "unexpected text"),
            ("\"abc", "unterminated string"), ("tru", "invalid literal"), ("{\"a\":1,}", "expected a string key"),
            ("\"\\q\"", "invalid escape"), ("1.", "invalid number"),
        ]
        for (text, fragment) in bad {
            do {
                _ = try JSONValue.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.description.contains(fragment), "\(text) → \(error.description)")
            }
        }
    }
}
