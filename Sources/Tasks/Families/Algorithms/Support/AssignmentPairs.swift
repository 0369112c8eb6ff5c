/// Reads `key: value` / `key = value` / `"key": value` / `key -> value` pairs (JSON objects, Python dicts, lists of
/// assignments). Keys are a number (optionally prefixed by a letter such as `x3`) or a single letter; values are a
/// word or a number. Later pairs overwrite earlier ones.
enum AssignmentPairs {
    static func read(_ text: String, keyIsNumber: Bool) -> [(String, String)] {
        let c = Array(ResponseScanner.cleaned(text).utf8)
        var out: [(String, String)] = []
        func isAlnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        var i = 0
        while i < c.count {
            guard isAlnum(c[i]), i == 0 || !isAlnum(c[i - 1]) else { i += 1; continue }
            var j = i
            while j < c.count, isAlnum(c[j]) { j += 1 }
            var key = String(decoding: c[i..<j], as: UTF8.self)
            if keyIsNumber {
                let digits = key.drop(while: { $0.isLetter })
                guard !digits.isEmpty, digits.allSatisfy(\.isNumber), key.count - digits.count <= 1 else { i = j; continue }
                key = String(digits)
            } else {
                guard key.count == 1, key.first!.isLetter else { i = j; continue }
                key = key.uppercased()
            }
            var k = j
            while k < c.count, c[k] == 32 || c[k] == UInt8(ascii: "\"") || c[k] == UInt8(ascii: "'") { k += 1 }
            var separator = false
            if k < c.count, c[k] == UInt8(ascii: ":") || c[k] == UInt8(ascii: "=") { separator = true; k += 1 }
            else if k + 1 < c.count, c[k] == UInt8(ascii: "-"), c[k + 1] == UInt8(ascii: ">") { separator = true; k += 2 }
            guard separator else { i = j; continue }
            while k < c.count, c[k] == 32 || c[k] == UInt8(ascii: "\"") || c[k] == UInt8(ascii: "'") || c[k] == UInt8(ascii: "=") { k += 1 }
            var m = k
            if m < c.count, c[m] == UInt8(ascii: "-"), m + 1 < c.count, isDigit(c[m + 1]) { m += 1 }
            while m < c.count, isAlnum(c[m]) { m += 1 }
            if m > k {
                out.append((key, String(decoding: c[k..<m], as: UTF8.self)))
                i = m
            } else {
                i = j
            }
        }
        return out
    }
}
