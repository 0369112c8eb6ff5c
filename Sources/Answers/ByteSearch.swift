/// Byte-level (UTF-8) searching for the ASCII markers used by answer extraction.
enum ByteSearch {
    static let thinkOpen = Array("<think>".utf8)
    static let thinkClose = Array("</think>".utf8)
    static let answerOpen = Array("<answer>".utf8)
    static let answerClose = Array("</answer>".utf8)
    static let boxed = Array("boxed".utf8)
    static let fbox = Array("fbox".utf8)
    static let hashes = Array("####".utf8)
    static let answerMarkers = AnswerExtractor.answerMarkers.map { Array($0.utf8) }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// Start of the last occurrence of `needle` (lower-case ASCII when `caseInsensitive`) in `haystack`.
    static func last(_ needle: [UInt8], in haystack: [UInt8], caseInsensitive: Bool) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var start = haystack.count - needle.count
        let first = needle[0]
        while start >= 0 {
            let b = caseInsensitive ? lower(haystack[start]) : haystack[start]
            if b == first {
                var k = 1
                while k < needle.count {
                    let h = caseInsensitive ? lower(haystack[start + k]) : haystack[start + k]
                    if h != needle[k] { break }
                    k += 1
                }
                if k == needle.count { return start }
            }
            start -= 1
        }
        return nil
    }

    /// Whether `needle` occurs in `s` at `index`.
    static func matches(_ needle: [UInt8], _ s: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + needle.count <= s.count else { return false }
        for k in 0..<needle.count where s[index + k] != needle[k] { return false }
        return true
    }
}
