/// A 2-symbol Turing machine in the standard compact notation used by the Busy Beaver community:
/// states A, B, C, … separated by `_`; each state has two 3-character transitions (reading 0, reading 1):
/// symbol to write (0/1), move (L/R), next state (A…, or H/Z = halt). Example (the 2-state busy beaver):
/// `1RB1LB_1LA1RH` — 6 steps, 4 ones.
///
/// Semantics: the tape is blank (all 0), the head starts on cell 0 in state A. One step = read, write, move, switch
/// state; the transition into the halt state counts as a step.
public struct TuringMachine: Sendable, Equatable, CustomStringConvertible {
    public struct Transition: Sendable, Equatable {
        public var write: UInt8
        public var moveRight: Bool
        /// Next state index, or nil for halt.
        public var next: Int?
    }

    /// `table[state][symbol]`.
    public let table: [[Transition]]
    public var stateCount: Int { table.count }

    public init(table: [[Transition]]) {
        precondition(!table.isEmpty && table.count <= 26 && table.allSatisfy { $0.count == 2 })
        self.table = table
    }

    static func stateLetter(_ i: Int) -> String { String(UnicodeScalar(UInt8(65 + i))) }

    public var description: String {
        table.map { row in
            row.map { t in "\(t.write)\(t.moveRight ? "R" : "L")\(t.next.map(Self.stateLetter) ?? "H")" }.joined()
        }.joined(separator: "_")
    }

    /// Parses the compact notation (halt written H or Z). Returns nil when malformed.
    public init?(notation: String) {
        let groups = notation.split(separator: "_")
        guard !groups.isEmpty, groups.count <= 26 else { return nil }
        var table: [[Transition]] = []
        for g in groups {
            let c = Array(g)
            guard c.count == 6 else { return nil }
            var row: [Transition] = []
            for k in 0..<2 {
                let w = c[3 * k], m = c[3 * k + 1], s = c[3 * k + 2]
                guard w == "0" || w == "1", m == "L" || m == "R" else { return nil }
                var next: Int?
                if s == "H" || s == "Z" { next = nil } else {
                    guard let v = s.asciiValue, v >= 65, Int(v) - 65 < groups.count else { return nil }
                    next = Int(v) - 65
                }
                row.append(Transition(write: w == "1" ? 1 : 0, moveRight: m == "R", next: next))
            }
            table.append(row)
        }
        self.init(table: table)
    }

    /// The result of running the machine.
    public struct Run: Sendable, Equatable {
        /// Steps executed (including the halting step when it halted).
        public var steps: Int
        public var halted: Bool
        /// Number of 1s on the tape at the end.
        public var ones: Int
        /// Tape from the leftmost to the rightmost 1 (e.g. "1101"); "0" when the tape is blank.
        public var tape: String
    }

    /// Simulates at most `limit` steps.
    public func run(limit: Int) -> Run {
        var tape = [UInt8](repeating: 0, count: 64)
        var origin = 32, head = 0, state = 0, steps = 0
        var halted = false
        while steps < limit {
            if head + origin < 0 {
                tape.insert(contentsOf: [UInt8](repeating: 0, count: tape.count), at: 0)
                origin += tape.count / 2
            } else if head + origin >= tape.count {
                tape.append(contentsOf: [UInt8](repeating: 0, count: tape.count))
            }
            let t = table[state][Int(tape[head + origin])]
            tape[head + origin] = t.write
            head += t.moveRight ? 1 : -1
            steps += 1
            guard let next = t.next else { halted = true; break }
            state = next
        }
        let ones = tape.reduce(0) { $0 + Int($1) }
        var text = "0"
        if let first = tape.firstIndex(of: 1), let last = tape.lastIndex(of: 1) {
            text = String(tape[first...last].map { $0 == 1 ? "1" : "0" })
        }
        return Run(steps: steps, halted: halted, ones: ones, tape: text)
    }
}
