import Testing
@testable import Tasks

/// Step solutions and checker verdicts on small cases worked by hand.
@Suite struct StepGoldenTests {
    @Test func columnAdditionByHand() throws {
        // 478 + 967: 8+7 = 15 (write 5, carry 1); 7+6+1 = 14; 4+9+1 = 14; final carry 1 → 1445.
        let steps = [
            "Column 1: 8 + 7 + carry 0 = 15, write 5, carry 1.", "Column 2: 7 + 6 + carry 1 = 14, write 4, carry 1.",
            "Column 3: 4 + 9 + carry 1 = 14, write 4, carry 1.", "Final carry: write 1.", "Answer: 1445.",
        ]
        let family = AdditionSteps()
        let problem = StepProblem(statement: "", data: ["a": "478", "b": "967"])
        #expect(family.solve(problem, fault: nil) == steps)
        #expect(try family.firstWrongStep(steps, data: problem.data) == -1)
        var wrongCarry = steps
        wrongCarry[1] = "Column 2: 7 + 6 + carry 1 = 14, write 4, carry 0."
        wrongCarry[2] = "Column 3: 4 + 9 + carry 0 = 13, write 3, carry 1."  // consistent with the wrong carry
        #expect(try family.firstWrongStep(wrongCarry, data: problem.data) == 1)
        var copied = steps
        copied[2] = "Column 3: 4 + 8 + carry 1 = 13, write 3, carry 1."
        #expect(try family.firstWrongStep(copied, data: problem.data) == 2)
        #expect(try family.firstWrongStep(Array(steps.dropLast()), data: problem.data) == 4)  // stops before the answer
        #expect(try family.firstWrongStep(steps + ["Answer: 1445."], data: problem.data) == 5)
        #expect(try family.firstWrongStep(steps.map { $0 + " " }, data: problem.data) == 0)
    }

    @Test func longMultiplicationByHand() throws {
        // 483 × 56: 483 × 6 = 2898; 483 × 5 = 2415, shifted 24150; 2898 + 24150 = 27048.
        let steps = [
            "Partial product 1: 483 × 6 = 2898, shifted 0 places: 2898; running sum 0 + 2898 = 2898.",
            "Partial product 2: 483 × 5 = 2415, shifted 1 places: 24150; running sum 2898 + 24150 = 27048.",
            "Answer: 27048.",
        ]
        let family = MultiplicationSteps()
        let data = ["a": "483", "b": "56"]
        #expect(family.solve(StepProblem(statement: "", data: data), fault: nil) == steps)
        #expect(try family.firstWrongStep(steps, data: data) == -1)
        let slipped = [
            "Partial product 1: 483 × 6 = 2888, shifted 0 places: 2888; running sum 0 + 2888 = 2888.",
            "Partial product 2: 483 × 5 = 2415, shifted 1 places: 24150; running sum 2888 + 24150 = 27038.",
            "Answer: 27038.",
        ]
        #expect(try family.firstWrongStep(slipped, data: data) == 0)
        #expect(try family.firstWrongStep([steps[0], steps[1], "Answer: 27049."], data: data) == 2)
    }

    @Test func hanoiByHand() throws {
        // Two disks from peg 0 to peg 2: the only shortest solution is 1: 0→1, 2: 0→2, 1: 1→2.
        let steps = ["Move disk 1 from peg 0 to peg 1.", "Move disk 2 from peg 0 to peg 2.", "Move disk 1 from peg 1 to peg 2."]
        let family = HanoiSteps()
        let data = ["disks": "2", "source": "0", "target": "2"]
        #expect(family.solve(StepProblem(statement: "", data: data), fault: nil) == steps)
        #expect(try family.firstWrongStep(steps, data: data) == -1)
        // Useless: disk 1 to the goal peg first (legal, but then 2 more moves are still not enough: 4 in all).
        #expect(try family.firstWrongStep(["Move disk 1 from peg 0 to peg 2."] + steps, data: data) == 0)
        // Illegal: disk 2 is under disk 1.
        #expect(try family.firstWrongStep(["Move disk 2 from peg 0 to peg 1."], data: data) == 0)
        // Illegal: disk 1 is not on peg 1 at the start.
        #expect(try family.firstWrongStep(["Move disk 1 from peg 2 to peg 1."], data: data) == 0)
        // Legal and optimal so far, then stops before the goal.
        #expect(try family.firstWrongStep(Array(steps.prefix(2)), data: data) == 2)
    }

    @Test func wordProblemByHand() throws {
        let family = WordProblemSteps()
        // sale-price: reduced = price * (100 - pct) / 100; answer reduced - coupon. 120, 30 %, coupon 5 → 79.
        let sale = ["template": "sale-price", "assignment": "item=lamp;name=Ava;price=120;pct=30;coupon=5;reduced=84"]
        let saleSteps = ["100 − 30 = 70", "120 × 70 = 8400", "8400 ÷ 100 = 84", "84 − 5 = 79", "Final answer: 79"]
        #expect(family.solve(StepProblem(statement: "", data: sale), fault: nil) == saleSteps)
        #expect(try family.firstWrongStep(saleSteps, data: sale) == -1)
        #expect(try family.firstWrongStep(["100 + 30 = 130"] + saleSteps.dropFirst(), data: sale) == 0)  // wrong operation
        #expect(try family.firstWrongStep(["100 − 30 = 70", "120 × 60 = 7200"], data: sale) == 1)        // copied wrong
        // class-fractions: rest = n - n * num / den; answer rest / 2. n = 30, num 1, den 4 → 11.25.
        let fractions = ["template": "class-fractions", "assignment": "n=30;den=4;num=1;rest=22.5"]
        let fractionSteps = ["30 × 1 = 30", "30 ÷ 4 = 7.5", "30 − 7.5 = 22.5", "22.5 ÷ 2 = 11.25", "Final answer: 11.25"]
        #expect(family.solve(StepProblem(statement: "", data: fractions), fault: nil) == fractionSteps)
        #expect(try family.firstWrongStep(["30 × 1 = 30", "30 ÷ 4 = 15/2", "30 − 15/2 = 45/2", "45/2 ÷ 2 = 45/4", "Final answer: 45/4"],
                                          data: fractions) == -1)
        #expect(try family.firstWrongStep(fractionSteps.dropLast() + ["Final answer: 11.5"], data: fractions) == 4)
    }

    @Test func hanoiDistanceMatchesBreadthFirstSearch() {
        // Exhaustive: every position of up to 4 disks, every target peg; BFS over legal moves from the goal.
        for n in 1...4 {
            for target in 0...2 {
                var distance: [[Int]: Int] = [Array(repeating: target, count: n + 1): 0]
                var frontier = [Array(repeating: target, count: n + 1)]
                while !frontier.isEmpty {
                    var next: [[Int]] = []
                    for pegs in frontier {
                        let position = HanoiSteps.Position(peg: pegs)
                        for d in 1...n {
                            for q in 0...2 where position.isLegal(disk: d, from: pegs[d], to: q) {
                                var moved = pegs
                                moved[d] = q
                                if distance[moved] == nil {
                                    distance[moved] = distance[pegs]! + 1
                                    next.append(moved)
                                }
                            }
                        }
                    }
                    frontier = next
                }
                #expect(distance.count == Int(pow3(n)))
                for (pegs, d) in distance {
                    #expect(HanoiSteps.Position(peg: pegs).distance(to: target) == d, "\(pegs) → \(target)")
                }
            }
        }
    }

    func pow3(_ n: Int) -> Int { (0..<n).reduce(1) { acc, _ in acc * 3 } }

    @Test func malformedDataIsAClearError() {
        let cases: [(any StepFamily, [String: String])] = [
            (AdditionSteps(), ["a": "12x", "b": "3"]), (AdditionSteps(), [:]),
            (MultiplicationSteps(), ["a": String(repeating: "9", count: 20_000), "b": "2"]),
            (HanoiSteps(), ["disks": "1000000", "source": "0", "target": "2"]), (HanoiSteps(), ["disks": "3", "source": "1", "target": "1"]),
            (WordProblemSteps(), ["template": "no-such", "assignment": ""]), (WordProblemSteps(), ["template": "garden-rows", "assignment": "rows"]),
        ]
        for (family, data) in cases {
            do {
                _ = try family.firstWrongStep(["x"], data: data)
                Issue.record("\(family.id) accepted \(data.keys.sorted())")
            } catch {
                #expect(error.description.contains("step data of family '\(family.id)' is malformed"), "\(error)")
            }
        }
    }
}
