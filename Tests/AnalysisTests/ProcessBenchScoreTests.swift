import Testing
@testable import Analysis

/// ProcessBench's accuracies and F1 on counts made by hand.
@Suite struct ProcessBenchScoreTests {
    @Test func handMadeCounts() {
        var score = ProcessBenchScore()
        // Erroneous: labels 2, 0, 5, 1 predicted 2, 0, 5 and 3 → 3/4. Correct: two, one predicted -1, one 4 → 1/2.
        for (label, prediction) in [(2, 2), (0, 0), (5, 5), (1, 3), (-1, -1), (-1, 4)] {
            score.add(label: label, prediction: prediction)
        }
        #expect(score.erroneous == 4 && score.erroneousHits == 3 && score.correct == 2 && score.correctHits == 1)
        #expect(score.errorAccuracy == 0.75 && score.correctAccuracy == 0.5)
        #expect(abs(score.f1 - 0.6) < 1e-12)  // 2 · 0.75 · 0.5 / 1.25
    }

    @Test func degeneratePoliciesAndMisses() {
        var alwaysCorrect = ProcessBenchScore()
        for label in [-1, -1, 0, 3] { alwaysCorrect.add(label: label, prediction: -1) }
        #expect(alwaysCorrect.correctAccuracy == 1 && alwaysCorrect.errorAccuracy == 0 && alwaysCorrect.f1 == 0)

        var unreadable = ProcessBenchScore()
        unreadable.add(label: -1, prediction: nil)
        unreadable.add(label: 2, prediction: nil)
        #expect(unreadable.unparsed == 2 && unreadable.f1 == 0 && unreadable.correctHits == 0 && unreadable.erroneousHits == 0)

        var perfect = ProcessBenchScore()
        perfect.add(label: 4, prediction: 4)
        perfect.add(label: -1, prediction: -1)
        #expect(perfect.f1 == 1)
        // Too early and too late are both misses.
        var off = ProcessBenchScore()
        off.add(label: 3, prediction: 2)
        off.add(label: 3, prediction: 4)
        #expect(off.errorAccuracy == 0)
        #expect(ProcessBenchScore().f1 == 0)
    }
}
