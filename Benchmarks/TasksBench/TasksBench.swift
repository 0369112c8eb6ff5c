#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Tasks

/// `swift run -c release tasks-bench [seconds-per-row] [family-prefix]`: instances generated and graded per
/// second per family on one core, with each reference answer checked to grade correct. Rates are per second of
/// this thread's CPU time (so that a busy machine does not distort them); the wall-clock rate of the combined
/// loop is printed too. Extra rows: arithmetic formats and 30-digit operands, every NUPA combination.
@main
struct TasksBench {
    struct Row {
        var name: String
        var family: any TaskFamily
        var difficulty: Difficulty
    }

    static func main() throws {
        let arguments = CommandLine.arguments
        let seconds = arguments.count > 1 ? Double(arguments[1]) ?? 0.3 : 0.3
        let prefix = arguments.count > 2 ? arguments[2] : ""
        var rows: [Row] = []
        for family in TaskRegistry.standard.families where family.id.hasPrefix(prefix) {
            rows.append(Row(name: family.id, family: family, difficulty: family.defaultDifficulty))
            if family.id.hasPrefix("arithmetic-") {
                for format in ["reversed", "zero-padded", "digit-spaced"] {
                    rows.append(Row(name: "\(family.id) format=\(format)", family: family, difficulty: try family.difficulty(["format": format])))
                }
                var big: [String: String] = [:]
                for parameter in family.parameters where parameter.name.hasPrefix("digits") { big[parameter.name] = "30" }
                rows.append(Row(name: "\(family.id) 30 digits", family: family, difficulty: try family.difficulty(big)))
            }
            if family.id == "nupa" {
                for (task, representation) in NUPATask.combinations {
                    let d = try family.difficulty(["task": task.rawValue, "representation": representation.rawValue])
                    rows.append(Row(name: "nupa \(task.rawValue)/\(representation.rawValue)", family: family, difficulty: d))
                }
            }
        }
        print("family".padding(48) + "gen+grade/s".leftPad(13) + "generate/s".leftPad(13) + "grade/s".leftPad(13)
            + "  (wall gen+grade/s)")
        for row in rows {
            let (both, generate, grade, wall) = measure(row, seconds: seconds)
            print(row.name.padding(48) + format(both).leftPad(13) + format(generate).leftPad(13) + format(grade).leftPad(13)
                + "  (" + format(wall) + ")")
        }
    }

    /// Seconds of CPU time used by this thread.
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func wallSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func measure(_ row: Row, seconds: Double) -> (Double, Double, Double, Double) {
        let family = row.family
        // Generate + grade (the reference answer must grade correct).
        var count = 0
        var failures = 0
        let wallStart = wallSeconds()
        var start = cpuSeconds()
        var elapsed = 0.0
        while elapsed < seconds {
            for _ in 0..<64 {
                let instance = family.generate(seed: 42, difficulty: row.difficulty, index: count)
                if family.grade(response: instance.answer, instance: instance).kind != .correct { failures += 1 }
                count += 1
            }
            elapsed = cpuSeconds() - start
        }
        precondition(failures == 0, "\(row.name): \(failures) reference answers did not grade correct")
        let both = Double(count) / elapsed
        let wall = Double(count) / (wallSeconds() - wallStart)
        // Generate only.
        var generated = 0
        start = cpuSeconds()
        elapsed = 0
        var checksum = 0
        var instances: [TaskInstance] = []
        while elapsed < seconds / 2 {
            for _ in 0..<64 {
                let instance = family.generate(seed: 7, difficulty: row.difficulty, index: generated)
                checksum &+= instance.answer.utf8.count
                if instances.count < 1024 { instances.append(instance) }
                generated += 1
            }
            elapsed = cpuSeconds() - start
        }
        let generateRate = Double(generated) / elapsed
        // Grade only (cycling over stored instances).
        var graded = 0
        start = cpuSeconds()
        elapsed = 0
        while elapsed < seconds / 2 {
            for _ in 0..<64 {
                let instance = instances[graded % instances.count]
                if family.grade(response: "The answer is \(instance.answer)", instance: instance).kind == .correct { checksum &+= 1 }
                graded += 1
            }
            elapsed = cpuSeconds() - start
        }
        if checksum == 42 { print("") }  // keep the work observable
        return (both, generateRate, Double(graded) / elapsed, wall)
    }

    static func format(_ rate: Double) -> String {
        rate >= 1e6 ? String(Int(rate / 1e3)) + "k" : String(Int(rate))
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
    func leftPad(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
