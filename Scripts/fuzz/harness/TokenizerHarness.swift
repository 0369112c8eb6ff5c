// Fuzz target `tokenizer`. The first input byte picks what the rest feeds:
//   0  encode: the rest as text (invalid UTF-8 repaired as Swift does) through `encode`, flags from byte 1; checks
//      the documented round trip `decode(encode(s, addSpecial: false)) == s` when `isLossless(s)`
//   1  decode: the rest as little-endian Int32 token ids (negative and out-of-range ids included) through
//      `decode`, `piece`, `bytes(of:)` and the streaming detokenizer, whose output must equal `decode`
//   2  vocabulary: the rest as lines `tokens… | merges… | types…` building a tokenizer (must throw a
//      TokenizerError or work), which then encodes and decodes its own tokens
//   3  chat template: the rest as Jinja source for `ChatTemplate.detect` / `defaultSystemPrompt`, then rendered
// Modes 0, 1 and 3 use a fixed tokenizer: a small hand-made byte-level vocabulary (all 256 byte tokens, a few
// merges, control and user tokens), or, when bit 7 of the first byte is set and RECKON_FUZZ_MODEL names a GGUF
// file (Scripts/fuzz/run passes the default model's), that model's vocabulary (SmolLM2: 49k tokens).

import GGUF
import Tokenizer

nonisolated(unsafe) var smallTokenizer: Tokenizer! = nil
nonisolated(unsafe) var modelTokenizer: Tokenizer? = nil
nonisolated(unsafe) var fixedTokenizer: Tokenizer! = nil

func fuzzSetUp() {
    smallTokenizer = try! Tokenizer(vocabulary: smallVocabulary())
    if let path = fuzzEnvironment("RECKON_FUZZ_MODEL") {
        do {
            let file = try GGUFFile(path: path)
            modelTokenizer = try Tokenizer(vocabulary: TokenizerVocabulary(gguf: file))
        } catch {
            printToStandardError("tokenizer fuzz: cannot use \(path) (\(error)); using the small vocabulary only\n")
        }
    }
}

/// 256 byte tokens, merges building "ab", "abc", "Ġthe", "é" (C3 A9), a control pair and a user-defined token.
func smallVocabulary() -> TokenizerVocabulary {
    var tokens = ByteLevelAlphabet.characters.map { String($0) }
    var types = [Int](repeating: 1, count: tokens.count)
    let merges = ["a b", "ab c", "Ġ t", "h e", "Ġt he", "Ã ©", "1 2"]
    tokens += ["ab", "abc", "Ġt", "he", "Ġthe", "Ã©", "12"]
    types += [1, 1, 1, 1, 1, 1, 1]
    tokens += ["<|im_start|>", "<|im_end|>", "<|endoftext|>", "<u>"]
    types += [3, 3, 3, 4]
    return TokenizerVocabulary(
        tokens: tokens, tokenTypes: types, merges: merges, bosID: tokens.count - 2, eosID: tokens.count - 3,
        addBOS: true, addEOS: false, preTokenizer: "smollm", model: "gpt2")
}

func fuzzOne(_ bytes: [UInt8]) {
    var input = FuzzInput(bytes)
    let mode = input.byte()
    fixedTokenizer = mode & 0x80 != 0 ? modelTokenizer ?? smallTokenizer : smallTokenizer
    switch mode % 4 {
    case 0: fuzzEncode(&input)
    case 1: fuzzDecode(&input)
    case 2: fuzzVocabulary(&input)
    default: fuzzChatTemplate(&input)
    }
}

private func fuzzEncode(_ input: inout FuzzInput) {
    let flags = input.byte()
    let text = String(decoding: input.rest(), as: UTF8.self)
    let tokenizer = fixedTokenizer!
    let ids = tokenizer.encode(text, addSpecial: flags & 1 != 0, parseSpecial: flags & 2 != 0)
    fuzzRequire(ids.allSatisfy { (0..<tokenizer.vocabularySize).contains($0) }, "encode produced an id out of range")
    if flags & 1 == 0, tokenizer.isLossless(text) {
        let decoded = tokenizer.decode(ids)
        fuzzRequire(decoded == text, "round trip changed \(Array(text.utf8)) into \(Array(decoded.utf8))")
    }
    _ = tokenizer.specialTokens.split(text, parseSpecial: flags & 2 != 0)
    _ = tokenizer.preTokenizer.split(text)
}

private func fuzzDecode(_ input: inout FuzzInput) {
    let skipSpecial = input.byte() & 1 != 0
    var ids: [Int] = []
    while !input.isAtEnd {
        let raw = Int32(bitPattern: input.uint32())
        // Stretch some ids to the extremes of Int.
        switch raw {
        case Int32.max: ids.append(Int.max)
        case Int32.min: ids.append(Int.min)
        default: ids.append(Int(raw))
        }
    }
    let tokenizer = fixedTokenizer!
    let whole = tokenizer.decode(ids, skipSpecial: skipSpecial)
    var streamed = ""
    var detokenizer = StreamingDetokenizer(tokenizer: tokenizer, skipSpecial: skipSpecial)
    for id in ids {
        streamed += detokenizer.append(id)
        fuzzRequire(detokenizer.pendingByteCount <= 3, "detokenizer holds \(detokenizer.pendingByteCount) bytes")
        _ = tokenizer.piece(id)
        _ = tokenizer.bytes(of: id)
        _ = tokenizer.isControl(id)
        _ = tokenizer.tokenType(id)
    }
    streamed += detokenizer.flush()
    fuzzRequire(streamed == whole, "streamed \(Array(streamed.utf8)) differs from decode \(Array(whole.utf8))")
}

/// Lines of the rest: the tokens up to a line "|", then merges up to a line "|", then token types (numbers).
private func fuzzVocabulary(_ input: inout FuzzInput) {
    let flags = input.byte()
    let special = Int(Int8(bitPattern: input.byte()))
    let text = String(decoding: input.rest(), as: UTF8.self)
    var sections: [[String]] = [[]]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line == "|" { sections.append([]) } else { sections[sections.count - 1].append(String(line)) }
    }
    let tokens = sections[0]
    let merges = sections.count > 1 ? sections[1] : []
    let types = sections.count > 2 ? sections[2].compactMap { Int($0) } : []
    let vocabulary = TokenizerVocabulary(
        tokens: tokens, tokenTypes: types, merges: merges, bosID: flags & 4 != 0 ? special : nil,
        eosID: flags & 8 != 0 ? special : nil, unknownID: flags & 16 != 0 ? special : nil,
        addBOS: flags & 1 != 0, addEOS: flags & 2 != 0,
        preTokenizer: flags & 32 != 0 ? "gpt2" : "smollm", model: "gpt2")
    let tokenizer: Tokenizer
    do {
        tokenizer = try Tokenizer(vocabulary: vocabulary)
    } catch {
        fuzzRequire(!error.description.isEmpty, "empty TokenizerError message")
        return
    }
    let sample = tokens.joined(separator: " ") + text
    let ids = tokenizer.encode(sample, addSpecial: true, parseSpecial: flags & 64 != 0)
    fuzzRequire(ids.allSatisfy { (0..<tokenizer.vocabularySize).contains($0) }, "encode produced an id out of range")
    _ = tokenizer.decode(ids + [-1, tokenizer.vocabularySize], skipSpecial: flags & 128 != 0)
    _ = tokenizer.endOfTurnIDs
}

private func fuzzChatTemplate(_ input: inout FuzzInput) {
    let flags = input.byte()
    let jinja = String(decoding: input.rest(), as: UTF8.self)
    let system = ChatTemplate.defaultSystemPrompt(inJinja: jinja)
    let template: ChatTemplate
    do {
        template = try ChatTemplate.detect(from: jinja)
    } catch {
        fuzzRequire(!error.description.isEmpty, "empty TokenizerError message")
        return
    }
    let messages = [ChatMessage(role: "user", content: jinja), ChatMessage(role: "assistant", content: system ?? "")]
    let prompt = template.render(messages, addGenerationPrompt: flags & 1 != 0, defaultSystemPrompt: system)
    _ = fixedTokenizer!.encode(prompt, addSpecial: true, parseSpecial: true)
}

// MARK: - Seeds

func fuzzSeeds() -> [(name: String, bytes: [UInt8])] {
    func seed(_ mode: UInt8, _ flags: UInt8, _ text: String) -> [UInt8] { [mode, flags] + Array(text.utf8) }
    func ids(_ values: [Int32]) -> [UInt8] {
        [1, 0] + values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    }
    return [
        ("encode-plain", seed(0, 0, "The quick brown fox, 12 345 abc!\n")),
        ("encode-special", seed(0, 3, "<|im_start|>user\nhé<u>llo<|im_end|>\n")),
        ("encode-unicode", seed(0, 2, "naïve café 東京 🙂 \u{1F600}\u{0301} \t\r\n  x")),
        ("encode-invalid-utf8", [0, 0, 0x61, 0xC3, 0x28, 0xF0, 0x9F, 0x98, 0xE2, 0x82]),
        ("encode-model", seed(0x80, 2, "<|im_start|>user\nWhat is 12+30? Café, 東京.<|im_end|>\n")),
        ("decode-ids", ids([97, 256, 258, 261, 262, 0, 195, 169])),
        ("decode-split-char", ids([0xC3 - 0x21, 0xA9 - 0x21, -1, 1_000_000, Int32.max, Int32.min])),
        ("vocabulary-small", seed(2, 0x45, "a\nb\nab\n<s>\n|\na b\n|\n1\n1\n1\n3")),
        ("vocabulary-bad-merge", seed(2, 0, "a\nb\n|\na c")),
        ("chat-chatml", seed(3, 1,
            "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
            + "{% endfor %}<|im_start|>system\nYou are helpful.<|im_end|>")),
    ]
}
