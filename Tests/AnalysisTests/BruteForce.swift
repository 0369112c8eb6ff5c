@testable import Analysis

/// Test-only brute-force references: they enumerate every k-subset of the n samples as a bit mask (n ≤ 12).
enum BruteForce {
    /// Masks over n bits with exactly k bits set.
    static func subsets(n: Int, k: Int) -> [Int] {
        (0..<(1 << n)).filter { $0.nonzeroBitCount == k }
    }

    /// pass@k: fraction of k-subsets holding at least one of samples 0..<c (the correct ones).
    static func passAtK(n: Int, c: Int, k: Int) -> Double {
        let correctMask = (1 << c) - 1
        let all = subsets(n: n, k: k)
        return Double(all.filter { $0 & correctMask != 0 }.count) / Double(all.count)
    }

    /// maj@k: mean over k-subsets of the vote score; `labels[i]` is sample i's answer (nil = none).
    static func majorityAtK(labels: [Int?], correct: Int, k: Int, ties: TieRule) -> Double {
        let all = subsets(n: labels.count, k: k)
        var total = 0.0
        for mask in all {
            var votes: [Int: Int] = [:]
            for i in 0..<labels.count where mask & (1 << i) != 0 {
                if let label = labels[i] { votes[label, default: 0] += 1 }
            }
            guard let mine = votes[correct] else { continue }
            let top = votes.values.max()!
            if mine < top { continue }
            let othersTied = votes.values.filter { $0 == top }.count - 1
            switch ties {
            case .splitEvenly: total += 1 / Double(othersTied + 1)
            case .countAsWrong: total += othersTied == 0 ? 1 : 0
            }
        }
        return total / Double(all.count)
    }
}
