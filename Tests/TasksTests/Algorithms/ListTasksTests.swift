import Foundation
import Testing

@testable import Tasks

/// Independent oracle for the 29 easy tasks (written separately from the catalog, brute force where possible).
enum EasyOracle {
    enum Expected: Equatable {
        case int(String), decimal(Double), list([Int]), set([Int]), phrase(String)
    }

    /// Decimal-string product by repeated schoolbook multiplication (independent of BigInt).
    static func product(_ values: [Int]) -> String {
        var digits = [1]  // least significant first
        var negative = false
        for v in values {
            if v == 0 { return "0" }
            if v < 0 { negative.toggle() }
            var carry = 0
            let m = abs(v)
            for i in 0..<digits.count {
                let t = digits[i] * m + carry
                digits[i] = t % 10
                carry = t / 10
            }
            while carry > 0 { digits.append(carry % 10); carry /= 10 }
        }
        return (negative ? "-" : "") + digits.reversed().map(String.init).joined()
    }

    static func expected(_ id: String, _ n: [Int], _ params: [String: String]) -> Expected {
        switch id {
        case "sorting":
            var s = n  // insertion sort
            for i in 1..<max(1, s.count) { var j = i; while j > 0 && s[j - 1] > s[j] { s.swapAt(j, j - 1); j -= 1 } }
            return .list(s)
        case "comparison": return .phrase(n[0] == n[1] ? "equal to" : (n[0] - n[1] > 0 ? "greater than" : "less than"))
        case "sum": var t = 0; for v in n { t += v }; return .int(String(t))
        case "multiplication": return .int(product(n))
        case "odd-count": return .int(String(n.filter { abs($0) % 2 == 1 }.count))
        case "even-count": return .int(String(n.filter { abs($0) % 2 == 0 }.count))
        case "absolute-difference": return .int(String(max(n[0], n[1]) - min(n[0], n[1])))
        case "division": return .decimal(Double(n[0]) / Double(n[1]))
        case "find-maximum": return .int(String(n.sorted().last!))
        case "find-minimum": return .int(String(n.sorted().first!))
        case "mean": return .decimal(Double(n.reduce(0, +)) / Double(n.count))
        case "median":
            let s = n.sorted()
            return .decimal(s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2)
        case "mode":
            let counts = n.map { v in n.filter { $0 == v }.count }
            let top = counts.max()!
            return .set(Array(Set(n.indices.filter { counts[$0] == top }.map { n[$0] })).sorted())
        case "subtraction": return .int(String(n[1] - n[0]))
        case "second-maximum":
            let top = n.max()!
            return .int(String(n.filter { $0 != top }.max()!))
        case "range": return .int(String(n.max()! - n.min()!))
        case "index-of-maximum":
            var best = 0
            for i in n.indices where n[i] > n[best] { best = i }
            return .int(String(best))
        case "count-negative": return .int(String(n.filter { $0 < 0 }.count))
        case "count-unique":
            var seen: [Int] = []
            for v in n where !seen.contains(v) { seen.append(v) }
            return .int(String(seen.count))
        case "max-adjacent-difference":
            var best = 0
            for i in 1..<n.count { best = max(best, abs(n[i] - n[i - 1])) }
            return .int(String(best))
        case "count-greater-than-previous":
            return .int(String((1..<n.count).filter { n[$0] > n[$0 - 1] }.count))
        case "sum-of-max-indices":
            let top = n.max()!
            var t = 0
            for i in n.indices where n[i] == top { t += i }
            return .int(String(t))
        case "count-palindromic":
            return .int(String(n.filter { $0 >= 0 && String(String($0).reversed()) == String($0) }.count))
        case "longest-increasing-subsequence":  // O(n²) DP
            var best = [Int](repeating: 1, count: n.count)
            for i in n.indices { for j in 0..<i where n[j] < n[i] { best[i] = max(best[i], best[j] + 1) } }
            return .int(String(best.max() ?? 0))
        case "sum-of-digits":
            var t = 0
            for v in n { var m = abs(v); while m > 0 { t += m % 10; m /= 10 } }
            return .int(String(t))
        case "count-perfect-squares":
            return .int(String(n.filter { v in
                guard v >= 0 else { return false }
                let r = Int(Double(v).squareRoot().rounded())
                return r * r == v
            }.count))
        case "alternating-sum":
            var t = 0
            for i in n.indices { t += i % 2 == 0 ? n[i] : -n[i] }
            return .int(String(t))
        case "count-multiples":
            let d = Int(params["divisor"]!)!
            return .int(String(n.filter { ($0 % d + d) % d == 0 }.count))
        case "local-maxima-count":
            guard n.count >= 3 else { return .int("0") }
            return .int(String((1..<(n.count - 1)).filter { n[$0] > n[$0 - 1] && n[$0] > n[$0 + 1] }.count))
        default: preconditionFailure("no oracle for \(id)")
        }
    }

    /// Wrong answers that a grader must reject.
    static func perturbations(_ expected: Expected, seed: Int) -> [String] {
        switch expected {
        case .int(let s):
            var digits = Array(s)
            let last = digits.count - 1
            digits[last] = Character(String((digits[last].wholeNumberValue! + 1 + seed % 8) % 10))
            var out = [String(digits)]
            if let v = Int(s) { out += [String(v + 1), String(v - 1), String(v + 10)] }
            return out
        case .decimal(let v): return [String(format: "%.2f", v + 0.02), String(format: "%.2f", v - 0.05), String(format: "%.2f", v + 1)]
        case .list(let l):
            var swapped = l
            if let i = l.indices.first(where: { l[$0] != l[0] }) { swapped.swapAt(0, i) } else { swapped[0] += 1 }
            var dropped = l
            dropped.removeLast()
            return [AlgorithmTestSupport.list(swapped), AlgorithmTestSupport.list(dropped), AlgorithmTestSupport.list(l + [l.last! + 1])]
        case .set(let s):
            var out = [(s + [s.max()! + 1]).map(String.init).joined(separator: ", ")]
            if s.count > 1 { out.append(s.dropLast().map(String.init).joined(separator: ", ")) }
            return out
        case .phrase(let p): return ["greater than", "less than", "equal to"].filter { $0 != p }
        }
    }
}

struct ListTasksTests {
    static let ids = ListTasks.all.map(\.id)
    static let pairIds: Set<String> = ["comparison", "absolute-difference", "division", "subtraction"]

    @Test func catalogHasTheTwentyNineEasyTasks() {
        #expect(Self.ids.count == 29)
        #expect(Set(Self.ids).count == 29)
    }

    @Test(arguments: ids)
    func referenceMatchesOracleAndPerturbationsFail(id: String) throws {
        var failures = 0
        let family = AlgorithmTestSupport.family(id)
        let difficulty = family.defaultDifficulty
        for seed in 0..<AlgorithmTestSupport.propertySeeds {
            let instance = family.generate(seed: UInt64(seed), difficulty: difficulty, index: seed % 5)
            let numbers = AlgorithmTestSupport.ints(instance.data["numbers"])
            let expected = EasyOracle.expected(id, numbers, instance.params)
            switch expected {
            case .int(let s): #expect(instance.answer == s, "seed \(seed): \(numbers)")
            case .decimal(let v): #expect(abs(Double(instance.answer)! - v) <= 0.005 + 1e-9, "seed \(seed)")
            case .list(let l): #expect(instance.answer == AlgorithmTestSupport.list(l), "seed \(seed)")
            case .set(let s): #expect(instance.answer == s.map(String.init).joined(separator: ", "), "seed \(seed)")
            case .phrase(let p): #expect(instance.answer == p, "seed \(seed)")
            }
            let exact = AlgorithmTestSupport.grade(instance, instance.answer)
            #expect(exact.kind == .correct && exact.score == 1, "seed \(seed): exact answer graded \(exact)")
            if exact.kind != .correct { failures += 1 }
            if seed % 4 == 0 {
                let boxed = AlgorithmTestSupport.grade(instance, "Working it out step by step.\n\\boxed{\(instance.answer)}")
                #expect(boxed.kind == .correct, "seed \(seed): boxed answer graded \(boxed)")
            }
            let wrongs = EasyOracle.perturbations(expected, seed: seed)
            for wrong in seed % 4 == 0 ? wrongs : [wrongs[seed % wrongs.count]] {
                let v = AlgorithmTestSupport.grade(instance, "\\boxed{\(wrong)}")
                #expect(v.kind == .incorrect && v.score < 1, "seed \(seed): wrong answer \(wrong) graded \(v)")
                if v.kind != .incorrect { failures += 1; break }
            }
            if failures > 3 { break }
        }
    }

    @Test(arguments: ids)
    func lengthAndRangeKnobs(id: String) throws {
        let family = AlgorithmTestSupport.family(id)
        let names = family.parameters.map(\.name)
        #expect(names.contains("low") && names.contains("high"))
        #expect(names.contains("length") == !Self.pairIds.contains(id))
        let ignoresRange: Set<String> = ["count-negative", "count-palindromic", "sum-of-digits", "count-perfect-squares"]
        for (length, low, high) in [(2, -5, 5), (5, 0, 1000), (17, -40, 40), (64, -100, 100), (128, -1_000_000, 1_000_000)] {
            for seed in 0..<150 {
                var overrides = ["low": String(low), "high": String(high)]
                if !Self.pairIds.contains(id) { overrides["length"] = String(length) }
                let instance = AlgorithmTestSupport.instance(id, seed: seed, overrides)
                let numbers = AlgorithmTestSupport.ints(instance.data["numbers"])
                #expect(numbers.count == (Self.pairIds.contains(id) ? 2 : length), "seed \(seed)")
                if !ignoresRange.contains(id) && !(id == "second-maximum" && low == high) {
                    #expect(numbers.allSatisfy { (low...high).contains($0) }, "seed \(seed): \(numbers) outside \(low)...\(high)")
                }
                #expect(instance.prompt.contains(instance.data["numbers"]!) || Self.pairIds.contains(id))
                let v = AlgorithmTestSupport.grade(instance, instance.answer)
                #expect(v.kind == .correct, "seed \(seed) length \(length): \(v)")
                if v.kind != .correct { return }
            }
        }
    }

    @Test func invertedRangeIsRejectedWithAMessage() {
        let family = AlgorithmTestSupport.family("sum")
        #expect(throws: TasksError.invalidCombination(
            family: "sum", reason: "low (5) is greater than high (-5); pass a low that is at most high")) {
            _ = try family.difficulty(["low": "5", "high": "-5"])
        }
        #expect((try? family.difficulty(["low": "5", "high": "5"])) != nil)
    }

    @Test func extractionTable() {
        let sum = AlgorithmTestSupport.instance("sum", seed: 1)
        let a = sum.answer
        let cases: [(String, VerdictKind)] = [
            ("The answer is \(a).", .correct),
            ("Adding gives 3 + 4 = 7, then ... so the answer is \(a)", .correct),
            ("$\\boxed{\(a)}$", .correct),
            ("\\boxed{\\text{\(a)}}", .correct),
            ("<answer>\(a)</answer>", .correct),
            ("I could not work it out.", .unparseable),
            ("\\boxed{\(a)} hmm, no: \\boxed{\(Int(a)! + 3)}", .incorrect),
        ]
        for (response, kind) in cases {
            #expect(AlgorithmTestSupport.grade(sum, response).kind == kind, "\(response)")
        }
        let product = AlgorithmTestSupport.instance("multiplication", seed: 3, ["length": "12", "low": "900", "high": "999"])
        #expect(product.answer.count > 30)
        let grouped = AlgorithmTestSupport.grade(product, "\\boxed{\(product.answer)}")
        #expect(grouped.kind == .correct)
        let cmp = AlgorithmTestSupport.instance("comparison", seed: 2)
        #expect(AlgorithmTestSupport.grade(cmp, "So a is \\boxed{\(cmp.answer)} b.").kind == .correct)
        let division = AlgorithmTestSupport.instance("division", seed: 4, ["low": "1", "high": "9"])
        let parts = AlgorithmTestSupport.ints(division.data["numbers"])
        #expect(AlgorithmTestSupport.grade(division, "\\boxed{\\frac{\(parts[0])}{\(parts[1])}}").kind == .correct)
    }
}
