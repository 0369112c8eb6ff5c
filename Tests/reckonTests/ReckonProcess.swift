import Foundation

/// Runs the built `reckon` executable (found next to the test bundle) and captures its output.
struct ReckonProcess {
    struct Outcome {
        let status: Int32
        let standardOutput: String
        let standardError: String
        /// The process was killed because it ran past the time limit.
        var timedOut = false
    }

    /// The built `reckon` next to the test bundle, or `$RECKON_TEST_EXECUTABLE` (to check that a test fails
    /// with another build, e.g. one from before a fix).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["RECKON_TEST_EXECUTABLE"] { return URL(fileURLWithPath: path) }
        return built
    }

    /// The `reckon` built with the tests (fixtures are always made with it).
    static var built: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reckon")
    }

    /// Runs `reckon arguments` to its end, or kills it after `timeout` seconds (then `timedOut` is true), so that a
    /// regression can make a test fail but never hang or eat the machine.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:],
                    timeout: Double = 300, executable: URL = executable) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        let watchdog = Watchdog(process: process, after: timeout)
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes concurrently so that neither fills up and blocks the child.
        let errorData = LockedData()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData.get(), as: UTF8.self),
                       timedOut: watchdog.disarm())
    }

    /// Starts `reckon arguments`, reads standard output until `count` lines have arrived (or it ends, or `timeout`
    /// seconds pass), then kills the process. Returns the complete lines read and the seconds it took.
    static func firstLines(_ arguments: [String], count: Int, timeout: Double = 30) throws -> (lines: [String], seconds: Double) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        let watchdog = Watchdog(process: process, after: timeout)
        var data = Data()
        let reader = out.fileHandleForReading
        while data.filter({ $0 == 0x0A }).count < count {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        let seconds = Date().timeIntervalSince(started)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        _ = watchdog.disarm()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.dropLast().prefix(count).map(String.init), seconds)
    }
}

/// Kills a process with SIGKILL if it still runs after a delay.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var armed = true

    init(process: Process, after seconds: Double) {
        let pid = process.processIdentifier
        let watched = process
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard armed, watched.isRunning else { return }
            fired = true
            kill(pid, SIGKILL)
        }
    }

    /// Stops the watchdog; returns whether it had killed the process.
    func disarm() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        armed = false
        return fired
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
