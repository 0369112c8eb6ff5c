/// Rewrites LaTeX matrix environments into the bracket notation the parser reads: `⟦⟦a,b⟧,⟦c,d⟧⟧` for
/// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` (also `bmatrix`, `Bmatrix`, `matrix`, `smallmatrix`, and `array`
/// with its column specification skipped). A row separator `\\` right before `\end` is dropped. One pass over the
/// bytes, so the cost is linear in the text whatever it holds.
enum MatrixRewriting {
    static let environments: Set<String> = ["pmatrix", "bmatrix", "Bmatrix", "matrix", "smallmatrix", "array"]
    private static let begin = Array("\\begin{".utf8)
    private static let end = Array("\\end{".utf8)
    private static let hline = Array("\\hline".utf8)
    private static let open = Array("⟦".utf8)
    private static let close = Array("⟧".utf8)
    private static let rowBreak = Array("⟧,⟦".utf8)

    static func rewrite(_ text: String) -> String {
        guard text.contains("\\begin") else { return text }
        let s = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.count + 16)
        var depth = 0
        var lastRowBreak: Int? = nil  // offset in `out` where the last row break was written
        var i = 0
        func matches(_ needle: [UInt8], at k: Int) -> Bool {
            k + needle.count <= s.count && s[k..<(k + needle.count)].elementsEqual(needle)
        }
        /// The environment name after `\begin{` / `\end{` starting at `k`, and the offset after its `}`.
        func name(at k: Int) -> (String, Int)? {
            var j = k
            while j < s.count && j - k <= 16 && s[j] != 0x7D { j += 1 }
            guard j < s.count && s[j] == 0x7D else { return nil }
            return (String(decoding: s[k..<j], as: UTF8.self), j + 1)
        }
        while i < s.count {
            if s[i] == 0x5C {
                if matches(begin, at: i), let (env, after) = name(at: i + begin.count), environments.contains(env) {
                    out += open + open
                    depth += 1
                    i = after
                    if env == "array" {
                        var j = i
                        while j < s.count && s[j] == 0x20 { j += 1 }
                        if j < s.count && s[j] == 0x7B {
                            var k = j + 1
                            while k < s.count && s[k] != 0x7D { k += 1 }
                            i = min(k + 1, s.count)
                        }
                    }
                    continue
                }
                if depth > 0, matches(end, at: i), let (env, after) = name(at: i + end.count), environments.contains(env) {
                    if let at = lastRowBreak, at <= out.count, out[at...].allSatisfy({ $0 == 0x20 || $0 == 0x0A }),
                        out[..<at].suffix(rowBreak.count).elementsEqual(rowBreak)
                    {
                        out.removeSubrange((at - rowBreak.count)...)
                    }
                    out += close + close
                    depth -= 1
                    lastRowBreak = nil
                    i = after
                    continue
                }
                if depth > 0 && i + 1 < s.count && s[i + 1] == 0x5C {
                    out += rowBreak
                    lastRowBreak = out.count
                    i += 2
                    continue
                }
                if depth > 0 && matches(hline, at: i) {
                    i += hline.count
                    continue
                }
            }
            if depth > 0 && s[i] == 0x26 {  // '&'
                out.append(0x2C)
            } else {
                out.append(s[i])
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
