/// The GPT-2 byte-level pre-tokenizer regex, implemented as a hand-written scanner over Unicode scalars:
///
///     's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
///
/// Regex semantics reproduced: at each position the first alternative that matches wins, `+` is greedy,
/// and `\s+(?!\S)` backtracks so that a whitespace run followed by a non-space gives up its last character
/// (which then prefixes the next word as its optional space, or stands alone when it is not U+0020).
/// Contractions are case-sensitive and use the ASCII apostrophe only. Every scalar belongs to exactly one
/// match, so the matches tile the input.
enum ByteLevelRegex {
    /// The end (exclusive) of the match that starts at `start`; `start < end` is required.
    static func matchEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> Int {
        let first = scalars[start]
        if first == "'", start + 1 < end, let length = contractionLength(scalars, after: start, end: end) {
            return start + length
        }
        let firstClass = ScalarClass(first)
        if firstClass != .whitespace {
            return runEnd(scalars, of: firstClass, from: start + 1, to: end)
        }
        if first == " ", start + 1 < end {
            let nextClass = ScalarClass(scalars[start + 1])
            if nextClass != .whitespace {
                return runEnd(scalars, of: nextClass, from: start + 2, to: end)
            }
        }
        // \s+(?!\S) then \s+
        let whitespaceEnd = runEnd(scalars, of: .whitespace, from: start + 1, to: end)
        if whitespaceEnd == end { return end }
        return whitespaceEnd - start >= 2 ? whitespaceEnd - 1 : whitespaceEnd
    }

    /// Length (2 or 3) of `'s|'t|'re|'ve|'m|'ll|'d` at `apostrophe`, or nil.
    private static func contractionLength(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, after apostrophe: Int, end: Int
    ) -> Int? {
        switch scalars[apostrophe + 1] {
        case "s", "t", "m", "d":
            return 2
        case "r", "v":
            return apostrophe + 2 < end && scalars[apostrophe + 2] == "e" ? 3 : nil
        case "l":
            return apostrophe + 2 < end && scalars[apostrophe + 2] == "l" ? 3 : nil
        default:
            return nil
        }
    }

    private static func runEnd(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, of scalarClass: ScalarClass, from start: Int, to end: Int
    ) -> Int {
        var index = start
        while index < end, ScalarClass(scalars[index]) == scalarClass { index += 1 }
        return index
    }
}
