import Foundation

/// Files the CLI tests make: a private temporary folder, a Reckon run database made by `reckon eval` itself, a
/// FIFO, and a socket that accepts connections but never answers.
enum CLIFixtures {
    /// A new empty folder; remove it with `removeFolder`.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func removeFolder(_ url: URL) {
        _ = chmod(url.path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }

    /// A Reckon run database holding one run with no samples: `reckon eval` against a port where nothing listens
    /// opens the run, then fails on the first request (no model needed).
    static func runDatabase(at path: String) throws {
        let outcome = try ReckonProcess.run(
            ["eval", "--task", "arithmetic", "--problems", "1", "--samples", "1", "--db", path,
             "--endpoint", "http://127.0.0.1:9/v1", "--model-name", "nobody", "--retries", "0"], timeout: 120,
            executable: ReckonProcess.built)
        guard FileManager.default.fileExists(atPath: path), outcome.status != 0 else {
            throw FixtureError(description: "eval did not make a run database: \(outcome.standardError)")
        }
    }

    static func fifo(at path: String) throws {
        guard mkfifo(path, 0o644) == 0 else { throw FixtureError(description: "mkfifo \(path) failed") }
    }

    /// A SQLite database of another application (one table, rollback journal), made by Python's standard `sqlite3`.
    static func foreignSQLite(at path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
            c.execute("INSERT INTO notes (body) VALUES ('keep me')")
            c.commit()
            c.close()
            """, path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(description: "python3 could not make a SQLite file (is python3 installed?)")
        }
    }

    /// A TCP socket on 127.0.0.1 that the kernel accepts connections for but that never reads nor answers: a
    /// stalled server. Returns the port and the descriptor (close it when done).
    static func stalledServer() throws -> (port: Int, descriptor: Int32) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw FixtureError(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw FixtureError(description: "bind/listen failed")
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { close(descriptor); throw FixtureError(description: "getsockname failed") }
        return (Int(UInt16(bigEndian: address.sin_port)), descriptor)
    }

    struct FixtureError: Error, CustomStringConvertible { let description: String }
}
