/// Levenshtein distance, used for did-you-mean suggestions.
public enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions turning `a` into `b`.
    public static func levenshtein(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate closest to `word` (case-insensitive), if its distance is at most
    /// `max(2, word.count / 3)`; ties go to the earlier candidate. A candidate that contains `word` as a
    /// prefix also qualifies.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = word.lowercased()
        var best: (String, Int)? = nil
        for candidate in candidates {
            let lower = candidate.lowercased()
            var distance = levenshtein(target, lower)
            if target.count >= 3 && lower.hasPrefix(target) { distance = min(distance, 1) }
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (name, distance) = best, distance <= max(2, target.count / 3) else { return nil }
        return name
    }
}
