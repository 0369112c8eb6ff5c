/// `turing`: run a small 2-symbol Turing machine by hand. Knobs: number of states, step bound. Generated machines
/// are random with exactly one halting transition, and are kept only when simulation shows they halt within the
/// bound after at least a minimum number of steps (so answers are checked by simulation, not trusted).
public struct TuringFamily: TaskFamily {
    public init() {}
    public let id = "turing"
    public let version = 1
    public let summary = "Small Turing machines: steps to halt, ones on the tape, or the final tape (verified by simulation)."
    public let parameters: [DifficultyParameter] = [
        DifficultyParameter(name: "states", summary: "number of machine states", domain: .integer(2...5), defaultValue: "3"),
        DifficultyParameter(name: "max_steps", summary: "the machine halts within this many steps",
                            domain: .integer(10...2000), defaultValue: "100"),
        DifficultyParameter(name: "question", summary: "what to ask (mixed: uniform over steps/ones/tape)",
                            domain: .choice(["mixed", "steps", "ones", "tape"]), defaultValue: "mixed"),
    ]

    /// Longest halting runs possible for 2-symbol machines (busy beaver step counts: 6, 21, 107, 47,176,870),
    /// used to keep the minimum-steps requirement satisfiable.
    static let busyBeaverSteps = [2: 6, 3: 21, 4: 107, 5: 47_176_870]

    /// Minimum number of steps a generated machine must run: bound/20, capped at a fifth of the busy-beaver value
    /// for the state count (2 states: 2, 3: 4, 4: 21), never below 2.
    public static func minimumSteps(states: Int, bound: Int) -> Int {
        max(2, min(bound / 20, (busyBeaverSteps[states] ?? 6) / 5))
    }

    static func randomMachine(states n: Int, rng: inout TaskRNG) -> TuringMachine {
        let haltSlot = rng.int(in: 1...(2 * n - 1))        // never state A reading 0 (would halt at once)
        var table: [[TuringMachine.Transition]] = []
        for s in 0..<n {
            var row: [TuringMachine.Transition] = []
            for sym in 0..<2 {
                let write: UInt8 = rng.bool() ? 1 : 0
                let right = rng.bool()
                let next: Int? = 2 * s + sym == haltSlot ? nil : rng.int(in: 0...(n - 1))
                row.append(.init(write: write, moveRight: right, next: next))
            }
            table.append(row)
        }
        return TuringMachine(table: table)
    }

    /// Draws machines until one halts within `bound` steps after at least `minimumSteps`; after 5,000 draws the
    /// longest-running halting machine seen is used (still halting within the bound).
    public static func machine(states: Int, bound: Int, rng: inout TaskRNG) -> (TuringMachine, TuringMachine.Run) {
        let minimum = minimumSteps(states: states, bound: bound)
        var best: (TuringMachine, TuringMachine.Run)?
        for _ in 0..<5_000 {
            let m = randomMachine(states: states, rng: &rng)
            let run = m.run(limit: bound)
            guard run.halted else { continue }
            if run.steps >= minimum { return (m, run) }
            if best == nil || run.steps > best!.1.steps { best = (m, run) }
        }
        if let best { return best }
        // Unreachable in practice; a fixed halting machine keeps generation total.
        let fallback = TuringMachine(notation: "1RB1LB_1LA1RH")!
        return (fallback, fallback.run(limit: bound))
    }

    public func generate(seed: UInt64, difficulty: Difficulty, index: Int) -> TaskInstance {
        var rng = TaskRNG(seed: seed, family: id, index: index)
        let n = difficulty.int("states"), bound = difficulty.int("max_steps")
        var question = difficulty.string("question")
        if question == "mixed" { question = rng.pick(["steps", "ones", "tape"]) }
        let (machine, run) = Self.machine(states: n, bound: bound, rng: &rng)
        let rows = machine.table.enumerated().map { s, row in
            "  state \(TuringMachine.stateLetter(s)): " + row.enumerated().map { sym, t in
                "reading \(sym) → write \(t.write), move \(t.moveRight ? "right" : "left"), "
                    + (t.next.map { "go to state \(TuringMachine.stateLetter($0))" } ?? "HALT")
            }.joined(separator: "; ")
        }.joined(separator: "\n")
        let ask: String
        let answer: String
        switch question {
        case "ones": ask = "How many cells contain 1 when the machine halts?"; answer = String(run.ones)
        case "tape":
            ask = "What is on the tape when the machine halts? Write the cells from the leftmost 1 to the rightmost 1 as a string of 0s and 1s (write 0 if the tape is blank)."
            answer = run.tape
        default: ask = "How many steps does the machine take until it halts? The step into HALT counts."; answer = String(run.steps)
        }
        let body = """
        A Turing machine has a two-way infinite tape of cells holding 0 or 1, initially all 0. The head starts on a cell \
        in state A. Each step it reads the cell under the head, writes a symbol, moves one cell left or right, and \
        switches state, according to this table (compact notation \(machine)):
        \(rows)
        The machine halts within \(bound) steps. \(ask)
        """
        return standardInstance(seed: seed, index: index, difficulty: difficulty, body: body,
                            plainSuffix: "End your reply with a line of the form: Final answer: <answer>",
                            boxedSuffix: "Put the final answer inside \\boxed{}.",
                            answer: answer,
                            data: ["machine": machine.description, "question": question, "max_steps": String(bound)])
    }

    public func grade(response: String, instance: TaskInstance) -> Verdict {
        guard let machine = instance.data["machine"].flatMap(TuringMachine.init(notation:)) else { return missingDataVerdict("machine") }
        guard let bound = instance.data.intValue("max_steps"), bound > 0 else { return missingDataVerdict("max_steps") }
        let run = machine.run(limit: bound)
        let question = instance.data["question"] ?? "steps"
        if question == "tape" {
            let segment = FinalAnswerReader.segment(in: response)?.text ?? lastBinaryWord(in: response)
            guard let raw = segment else {
                return Verdict(kind: .unparseable, score: 0, extracted: nil, detail: "no tape string found", metrics: [:])
            }
            let bits = raw.filter { $0 == "0" || $0 == "1" }
            guard !bits.isEmpty, raw.allSatisfy({ $0 == "0" || $0 == "1" || $0.isWhitespace || $0 == "," || $0 == "`" }) else {
                return Verdict(kind: .unparseable, score: 0, extracted: raw, detail: "expected a string of 0s and 1s, found '\(raw)'", metrics: [:])
            }
            let want = Array(run.tape), got = Array(bits)
            let matches = zip(want, got).filter { $0 == $1 }.count
            let ok = got == want
            return Verdict(kind: ok ? .correct : .incorrect, score: ok ? 1 : 0, extracted: String(bits),
                           detail: ok ? nil : "expected tape \(run.tape)",
                           metrics: ["cell_match": Double(matches) / Double(max(want.count, got.count)),
                                     "length_diff": Double(got.count - want.count)])
        }
        let truth = question == "ones" ? run.ones : run.steps
        guard let (text, _) = FinalAnswerReader.number(in: response), let value = Int(text) else {
            return Verdict(kind: .unparseable, score: 0, extracted: nil, detail: "no integer found in the response", metrics: [:])
        }
        let ok = value == truth
        return Verdict(kind: ok ? .correct : .incorrect, score: ok ? 1 : 0, extracted: text,
                       detail: ok ? nil : "expected \(truth)", metrics: ["abs_error": abs(Double(value) - Double(truth))])
    }

    private func lastBinaryWord(in response: String) -> String? {
        response.split(whereSeparator: { $0.isWhitespace }).last { w in !w.isEmpty && w.allSatisfy { $0 == "0" || $0 == "1" } }
            .map(String.init)
    }
}
