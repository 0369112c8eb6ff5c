/// Stage 2 of encoding: splits the text between special tokens into words; BPE then encodes each word alone.
///
/// - `gpt2`: the GPT-2 byte-level regex (``ByteLevelRegex``).
/// - `smollm` (llama.cpp `LLAMA_VOCAB_PRE_TYPE_SMOLLM`; HF `Digits(individual_digits=true)` then
///   `ByteLevel(add_prefix_space=false)`): every `\p{N}` scalar first becomes a word of its own, then the
///   GPT-2 regex runs separately on each stretch between them, so a space before a digit is its own word.
///
/// Recipe for adding one: add a case named as GGUF `tokenizer.ggml.pre` spells it, implement its split
/// here, and add its ids to the oracle script (`Scripts/oracle/tokenizer_golden.py`) and golden tests.
public enum PreTokenizer: String, Sendable, CaseIterable {
    case gpt2
    case smollm

    /// The pre-tokenizer GGUF calls `name`, or ``TokenizerError/unsupportedPreTokenizer(found:supported:)``.
    public init(named name: String) throws(TokenizerError) {
        guard let known = PreTokenizer(rawValue: name) else {
            throw .unsupportedPreTokenizer(found: name, supported: PreTokenizer.allCases.map(\.rawValue))
        }
        self = known
    }

    /// The words of `text`, in order; they concatenate back to `text`.
    public func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        scalars.withUnsafeBufferPointer { buffer in
            forEachWord(in: buffer) { range in
                var word = String.UnicodeScalarView()
                word.append(contentsOf: buffer[range])
                words.append(String(word))
            }
        }
        return words
    }

    /// Calls `body` with the scalar range of each word of `scalars`, in order.
    func forEachWord(in scalars: UnsafeBufferPointer<Unicode.Scalar>, _ body: (Range<Int>) -> Void) {
        switch self {
        case .gpt2:
            Self.forEachRegexMatch(in: scalars, from: 0, to: scalars.count, body)
        case .smollm:
            var stretchStart = 0
            for index in 0..<scalars.count where ScalarClass(scalars[index]) == .number {
                Self.forEachRegexMatch(in: scalars, from: stretchStart, to: index, body)
                body(index..<(index + 1))
                stretchStart = index + 1
            }
            Self.forEachRegexMatch(in: scalars, from: stretchStart, to: scalars.count, body)
        }
    }

    private static func forEachRegexMatch(
        in scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int, _ body: (Range<Int>) -> Void
    ) {
        var position = start
        while position < end {
            let matchEnd = ByteLevelRegex.matchEnd(scalars, from: position, to: end)
            body(position..<matchEnd)
            position = matchEnd
        }
    }
}
