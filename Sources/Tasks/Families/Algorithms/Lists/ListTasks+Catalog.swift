import BigInt

/// The 29 BeyondBench easy tasks (§1.4 of the research notes), re-specified from their rules.
enum ListTasks {
    static let comparisonSynonyms: [(String, String)] = [
        ("greater than", "greater than"), ("greater", "greater than"), ("larger", "greater than"),
        ("bigger", "greater than"), (">", "greater than"),
        ("less than", "less than"), ("less", "less than"), ("smaller", "less than"), ("<", "less than"),
        ("equal to", "equal to"), ("equal", "equal to"), ("same", "equal to"), ("=", "equal to"),
    ]

    private static func ask(_ numbers: [Int], _ what: String) -> String {
        "Consider the list of integers \(InstanceBuilder.list(numbers)). \(what)"
    }

    private static func int(_ v: Int) -> ListAnswer { .integer(String(v)) }

    private static func distinct(_ rng: inout TaskRNG, _ s: ListSettings) -> [Int] {
        RandomDraws.distinct(s.length, s.range, &rng)
    }

    private static func anyValues(_ rng: inout TaskRNG, _ s: ListSettings) -> [Int] {
        RandomDraws.integers(s.length, s.range, &rng)
    }

    /// Length of the longest strictly increasing subsequence (patience sorting).
    static func lisLength(_ x: [Int]) -> Int {
        var tails: [Int] = []
        for v in x {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if tails[mid] < v { lo = mid + 1 } else { hi = mid }
            }
            if lo == tails.count { tails.append(v) } else { tails[lo] = v }
        }
        return tails.count
    }

    static let all: [ListTaskSpec] = [
        ListTaskSpec(
            id: "sorting", summary: "sort a list of integers ascending", shape: .list, draw: distinct,
            question: { n, _ in ask(n, "Sort the list in ascending order and give the sorted list in the form [a, b, c].") },
            solve: { n, _ in .ordered(n.sorted()) }),
        ListTaskSpec(
            id: "comparison", summary: "compare two integers (greater than / less than / equal to)", shape: .pair,
            draw: { rng, s in
                var a = rng.int(in: s.range)
                if s.low == s.high { return [a, a] }
                switch rng.int(in: 0...2) {
                case 0: return [a, a]
                case 1:
                    if a == s.low { a = rng.int(in: (s.low + 1)...s.high) }
                    return [a, rng.int(in: s.low...(a - 1))]
                default:
                    if a == s.high { a = rng.int(in: s.low...(s.high - 1)) }
                    return [a, rng.int(in: (a + 1)...s.high)]
                }
            },
            question: { n, _ in
                "Compare the numbers a = \(n[0]) and b = \(n[1]). Is a greater than, less than, or equal to b? "
                    + "Answer with exactly one of: greater than, less than, equal to."
            },
            solve: { n, _ in .phrase(n[0] > n[1] ? "greater than" : n[0] < n[1] ? "less than" : "equal to") }),
        ListTaskSpec(
            id: "sum", summary: "sum of a list", shape: .list, draw: distinct,
            question: { n, _ in ask(n, "What is the sum of all the numbers?") },
            solve: { n, _ in int(n.reduce(0, +)) }),
        ListTaskSpec(
            id: "multiplication", summary: "product of a list (exact, arbitrarily large; zero never drawn)",
            shape: .list,
            draw: { rng, s in
                (0..<s.length).map { _ in
                    RandomDraws.value(in: s.range, &rng) { $0 != 0 } ?? (s.high == 0 ? -1 : 1)
                }
            },
            question: { n, _ in ask(n, "What is the product of all the numbers? Give the exact integer.") },
            solve: { n, _ in .integer(n.reduce(BigInt(1)) { $0 * BigInt($1) }.description) }),
        ListTaskSpec(
            id: "odd-count", summary: "how many values are odd", shape: .list, draw: anyValues,
            question: { n, _ in ask(n, "How many of the numbers are odd?") },
            solve: { n, _ in int(n.filter { $0 % 2 != 0 }.count) }),
        ListTaskSpec(
            id: "even-count", summary: "how many values are even", shape: .list, draw: anyValues,
            question: { n, _ in ask(n, "How many of the numbers are even?") },
            solve: { n, _ in int(n.filter { $0 % 2 == 0 }.count) }),
        ListTaskSpec(
            id: "absolute-difference", summary: "absolute difference of two integers", shape: .pair,
            draw: { rng, s in RandomDraws.distinct(2, s.range, &rng) },
            question: { n, _ in "What is the absolute difference between \(n[0]) and \(n[1])?" },
            solve: { n, _ in int(abs(n[1] - n[0])) }),
        ListTaskSpec(
            id: "division", summary: "a / b rounded to 2 decimal places", shape: .pair,
            draw: { rng, s in
                let a = rng.int(in: s.range)
                let b = RandomDraws.value(in: s.range, &rng) { $0 != 0 } ?? (s.high == 0 ? -1 : 1)
                return [a, b]
            },
            question: { n, _ in
                "Divide \(n[0]) by \(n[1]) (compute \(n[0]) / \(n[1])). If the result is not a whole number, round it to 2 decimal places."
            },
            solve: { n, _ in .decimal(Double(n[0]) / Double(n[1]), IntegerMath.decimalText(n[0], n[1]), 0.005) },
            accepts: { n in n[1] != 0 }),
        ListTaskSpec(
            id: "find-maximum", summary: "largest value", shape: .list, draw: distinct,
            question: { n, _ in ask(n, "What is the largest number in the list?") },
            solve: { n, _ in int(n.max()!) }),
        ListTaskSpec(
            id: "find-minimum", summary: "smallest value", shape: .list, draw: distinct,
            question: { n, _ in ask(n, "What is the smallest number in the list?") },
            solve: { n, _ in int(n.min()!) }),
        ListTaskSpec(
            id: "mean", summary: "arithmetic mean (2 decimal places)", shape: .list, draw: anyValues,
            question: { n, _ in
                ask(n, "What is the mean (average) of the numbers? If it is not a whole number, round it to 2 decimal places.")
            },
            solve: { n, _ in
                let s = n.reduce(0, +)
                return .decimal(Double(s) / Double(n.count), IntegerMath.decimalText(s, n.count), 0.005)
            }),
        ListTaskSpec(
            id: "median", summary: "median (average of the two middle values for even length)", shape: .list,
            draw: anyValues,
            question: { n, _ in
                ask(n, "What is the median of the numbers? For an even count, it is the average of the two middle values.")
            },
            solve: { n, _ in
                let s = n.sorted(), c = s.count
                let twice = c % 2 == 1 ? 2 * s[c / 2] : s[c / 2 - 1] + s[c / 2]
                return .decimal(Double(twice) / 2, IntegerMath.decimalText(twice, 2, places: 1), 1e-6)
            }),
        ListTaskSpec(
            id: "mode", summary: "all most frequent values", shape: .list,
            draw: { rng, s in
                let m = rng.int(in: s.range)
                let copies = rng.int(in: 2...min(4, s.length))
                let others = RandomDraws.distinct(s.length - copies + 1, s.range, &rng).filter { $0 != m }
                var values = Array(repeating: m, count: copies) + others.prefix(s.length - copies)
                while values.count < s.length { values.append(rng.int(in: s.range)) }
                rng.shuffle(&values)
                return values
            },
            question: { n, _ in
                ask(n, "What is the mode (the most frequent value)? If several values are equally most frequent, list them all separated by commas.")
            },
            solve: { n, _ in
                var counts: [Int: Int] = [:]
                for v in n { counts[v, default: 0] += 1 }
                let top = counts.values.max() ?? 0
                return .set(counts.filter { $0.value == top }.keys.sorted())
            }),
        ListTaskSpec(
            id: "subtraction", summary: "b − a (subtract a from b)", shape: .pair,
            draw: { rng, s in RandomDraws.integers(2, s.range, &rng) },
            question: { n, _ in "Subtract \(n[0]) from \(n[1]). What is the result?" },
            solve: { n, _ in int(n[1] - n[0]) }),
        ListTaskSpec(
            id: "second-maximum", summary: "second largest distinct value", shape: .list,
            draw: { rng, s in
                var values = RandomDraws.distinct(s.length, s.low...max(s.high, s.low + 1), &rng)
                if Set(values).count < 2 { values[0] = values[0] == s.low ? s.low + 1 : s.low }
                return values
            },
            question: { n, _ in ask(n, "What is the second largest distinct value in the list?") },
            solve: { n, _ in
                let d = Array(Set(n)).sorted(by: >)
                return int(d.count > 1 ? d[1] : d[0])
            }),
        ListTaskSpec(
            id: "range", summary: "max − min", shape: .list, draw: distinct,
            question: { n, _ in ask(n, "What is the range of the list (largest value minus smallest value)?") },
            solve: { n, _ in int(n.max()! - n.min()!) }),
        ListTaskSpec(
            id: "index-of-maximum", summary: "0-based index of the (first) largest value", shape: .list, draw: distinct,
            question: { n, _ in
                ask(n, "What is the 0-based index of the largest number (the first one if it occurs more than once)?")
            },
            solve: { n, _ in int(n.firstIndex(of: n.max()!)!) }),
        ListTaskSpec(
            id: "count-negative", summary: "how many values are negative (values in ±max(|low|,|high|), never 0)",
            shape: .list,
            draw: { rng, s in
                let m = max(abs(s.low), abs(s.high), 1)
                let k = rng.int(in: 0...s.length)
                var values = (0..<s.length).map { i in i < k ? -rng.int(in: 1...m) : rng.int(in: 1...m) }
                rng.shuffle(&values)
                return values
            },
            question: { n, _ in ask(n, "How many of the numbers are negative?") },
            solve: { n, _ in int(n.filter { $0 < 0 }.count) }),
        ListTaskSpec(
            id: "count-unique", summary: "number of distinct values", shape: .list,
            draw: { rng, s in
                let u = rng.int(in: max(1, s.length / 2)...s.length)
                let pool = RandomDraws.distinct(u, s.range, &rng)
                return (0..<s.length).map { _ in rng.pick(pool) }
            },
            question: { n, _ in ask(n, "How many distinct (unique) values does the list contain?") },
            solve: { n, _ in int(Set(n).count) }),
        ListTaskSpec(
            id: "max-adjacent-difference", summary: "largest |x[i+1] − x[i]|", shape: .list, draw: distinct,
            question: { n, _ in ask(n, "What is the largest absolute difference between two adjacent numbers?") },
            solve: { n, _ in int(zip(n, n.dropFirst()).map { abs($1 - $0) }.max() ?? 0) }),
        ListTaskSpec(
            id: "count-greater-than-previous", summary: "how many values exceed their predecessor", shape: .list,
            draw: distinct,
            question: { n, _ in ask(n, "How many numbers are strictly greater than the number immediately before them?") },
            solve: { n, _ in int(zip(n, n.dropFirst()).filter { $1 > $0 }.count) }),
        ListTaskSpec(
            id: "sum-of-max-indices", summary: "sum of the 0-based indices where the maximum occurs (planted 1–3 times)",
            shape: .list,
            draw: { rng, s in
                var values = RandomDraws.distinct(s.length, s.range, &rng)
                let m = values.max()!
                let extra = rng.int(in: 0...min(2, s.length - 1))
                var positions = Array(0..<s.length).filter { values[$0] != m }
                rng.shuffle(&positions)
                for p in positions.prefix(extra) { values[p] = m }
                return values
            },
            question: { n, _ in
                ask(n, "The largest value may occur several times. What is the sum of the 0-based indices of all its occurrences?")
            },
            solve: { n, _ in
                let m = n.max()!
                return int(n.indices.filter { n[$0] == m }.reduce(0, +))
            }),
        ListTaskSpec(
            id: "count-palindromic",
            summary: "how many values read the same reversed (values in 0...max(high, 99))", shape: .list,
            draw: { rng, s in
                let top = max(s.high, 99)
                let digits = String(top).count
                let k = rng.int(in: 1...max(1, s.length / 2))
                var values: [Int] = []
                for _ in 0..<k {
                    let width = rng.int(in: 1...digits)
                    var half: [Int] = (0..<((width + 1) / 2)).map { i in rng.int(in: (i == 0 && width > 1 ? 1 : 0)...9) }
                    let mirrored = half + (width % 2 == 1 ? half.dropLast().reversed() : half.reversed())
                    var p = mirrored.reduce(0) { $0 * 10 + $1 }
                    if p > top { half = [rng.int(in: 0...9)]; p = half[0] }
                    values.append(p)
                }
                for _ in k..<s.length {
                    values.append(RandomDraws.value(in: 10...top, &rng) { !IntegerMath.isPalindrome($0) } ?? 10)
                }
                rng.shuffle(&values)
                return values
            },
            question: { n, _ in ask(n, "How many of the numbers are palindromes (read the same forwards and backwards)?") },
            solve: { n, _ in int(n.filter { $0 >= 0 && IntegerMath.isPalindrome($0) }.count) }),
        ListTaskSpec(
            id: "longest-increasing-subsequence", summary: "length of the longest strictly increasing subsequence",
            shape: .list, draw: distinct,
            question: { n, _ in
                ask(n, "What is the length of the longest strictly increasing subsequence (not necessarily contiguous)?")
            },
            solve: { n, _ in int(lisLength(n)) }),
        ListTaskSpec(
            id: "sum-of-digits", summary: "total of the decimal digits of all values (values ≥ 10)", shape: .list,
            draw: { rng, s in
                let lo = max(10, s.low)
                return RandomDraws.integers(s.length, lo...max(s.high, lo), &rng)
            },
            question: { n, _ in ask(n, "What is the sum of all the digits of all the numbers?") },
            solve: { n, _ in int(n.map { String(abs($0)).compactMap(\.wholeNumberValue).reduce(0, +) }.reduce(0, +)) }),
        ListTaskSpec(
            id: "count-perfect-squares", summary: "how many values are perfect squares (values in 0...max(high, 100))",
            shape: .list,
            draw: { rng, s in
                let top = max(s.high, 100)
                let k = rng.int(in: 1...max(1, s.length / 2))
                var values = (0..<k).map { _ in
                    let r = rng.int(in: 0...IntegerMath.isqrt(top))
                    return r * r
                }
                for _ in k..<s.length {
                    values.append(RandomDraws.value(in: 0...top, &rng) { IntegerMath.isqrt($0) * IntegerMath.isqrt($0) != $0 } ?? 2)
                }
                rng.shuffle(&values)
                return values
            },
            question: { n, _ in ask(n, "How many of the numbers are perfect squares (0, 1, 4, 9, ...)?") },
            solve: { n, _ in int(n.filter { $0 >= 0 && IntegerMath.isqrt($0) * IntegerMath.isqrt($0) == $0 }.count) }),
        ListTaskSpec(
            id: "alternating-sum", summary: "x0 − x1 + x2 − …", shape: .list, draw: distinct,
            question: { n, _ in
                ask(n, "Compute the alternating sum: the first number minus the second plus the third minus the fourth, and so on.")
            },
            solve: { n, _ in int(n.enumerated().reduce(0) { $0 + ($1.offset % 2 == 0 ? $1.element : -$1.element) }) }),
        ListTaskSpec(
            id: "count-multiples", summary: "how many values are multiples of a divisor", shape: .list,
            extraParameters: [.integer("divisor", 2...12, default: 3, "count multiples of this number")],
            draw: { rng, s in
                let d = s.divisor
                let lowQ = Int((Double(s.low) / Double(d)).rounded(.up)), highQ = Int((Double(s.high) / Double(d)).rounded(.down))
                let k = lowQ <= highQ ? rng.int(in: (s.length / 3)...max(s.length / 3, 2 * s.length / 3)) : 0
                var values = (0..<k).map { _ in d * rng.int(in: lowQ...highQ) }
                for _ in k..<s.length {
                    values.append(RandomDraws.value(in: s.range, &rng) { $0 % d != 0 } ?? rng.int(in: s.range))
                }
                rng.shuffle(&values)
                return values
            },
            question: { n, s in ask(n, "How many of the numbers are multiples of \(s.divisor)?") },
            solve: { n, s in int(n.filter { $0 % s.divisor == 0 }.count) }),
        ListTaskSpec(
            id: "local-maxima-count", summary: "interior values larger than both neighbours", shape: .list, draw: distinct,
            question: { n, _ in
                ask(n, "How many numbers, not counting the first and last, are strictly greater than both of their neighbours?")
            },
            solve: { n, _ in
                int(n.count < 3 ? 0 : (1..<(n.count - 1)).filter { n[$0] > n[$0 - 1] && n[$0] > n[$0 + 1] }.count)
            }),
    ]
}
