import Testing

@testable import Tasks

struct SequenceTests {
    static let ids = ["sequence-recursive", "sequence-algebraic", "sequence-geometric", "sequence-number-theory", "sequence-pattern"]

    static func terms(_ i: TaskInstance) -> [String] {
        i.data["terms"]!.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test(arguments: ids)
    func nextTermMatchesIndependentOracle(id: String) {
        var kindsSeen = Set<String>()
        algoForEachSeed(id) { seed, instance in
            let kind = instance.data["kind"]!
            kindsSeen.insert(kind)
            let shown = Self.terms(instance)
            guard shown.count == 8, let expected = SequenceOracle.next(kind: kind, terms: shown, rule: instance.data["rule"]!) else {
                Issue.record("seed \(seed): oracle cannot continue \(kind) \(shown)")
                return false
            }
            guard expected == instance.answer else {
                Issue.record("seed \(seed): \(kind) \(shown) rule \(instance.data["rule"]!): answer \(instance.answer), oracle \(expected)")
                return false
            }
            var changed = Array(expected)
            let last = changed.count - 1
            changed[last] = Character(String((changed[last].wholeNumberValue! + 1 + seed % 8) % 10))
            return algoExpectGrade(instance, instance.answer, .correct, seed: seed)
                && (seed % 5 != 0 || algoExpectGrade(instance, "The pattern continues, so the next term is \\boxed{\(expected)}.", .correct, seed: seed))
                && algoExpectGrade(instance, String(changed), .incorrect, seed: seed)
                && (seed % 5 != 1 || algoExpectGrade(instance, "The answer is \(shown.last!)", shown.last! == expected ? .correct : .incorrect, seed: seed))
        }
        let family = AlgorithmTestSupport.family(id)
        if case .choice(let options) = family.parameters.first(where: { $0.name == "kind" })!.domain {
            #expect(kindsSeen == Set(options.dropFirst()), "kinds never drawn: \(Set(options.dropFirst()).subtracting(kindsSeen))")
        }
    }

    @Test(arguments: ids)
    func knobsLengthKindAndHint(id: String) {
        let family = AlgorithmTestSupport.family(id)
        guard case .choice(let options) = family.parameters.first(where: { $0.name == "kind" })!.domain else { return }
        for kind in options.dropFirst() {
            for length in [4, 11, 16] {
                for seed in 0..<15 {
                    for hint in ["none", "family", "rule"] {
                        let i = AlgorithmTestSupport.instance(id, seed: seed, ["kind": kind, "length": String(length), "hint": hint])
                        let shown = Self.terms(i)
                        #expect(i.data["kind"] == kind && shown.count == length)
                        #expect(i.prompt.contains(i.data["rule"]!) == (hint == "rule"))
                        #expect(i.prompt.contains("Hint:") == (hint == "family"))
                        #expect(SequenceOracle.next(kind: kind, terms: shown, rule: i.data["rule"]!) == i.answer, "\(kind) length \(length) seed \(seed)")
                    }
                }
            }
            // random parameters or offsets: instances of one kind differ between seeds
            let distinct = Set((0..<20).map { AlgorithmTestSupport.instance(id, seed: $0, ["kind": kind]).data["terms"]! })
            #expect(distinct.count >= 3, "\(kind) is (nearly) parameter-free")
        }
    }
}
