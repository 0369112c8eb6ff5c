import Foundation

/// Writing the files a command is asked to produce (`--out`): regular files only. A path that exists and is not a
/// regular file (a symbolic link, FIFO, device node, directory…) is refused, never replaced nor followed.
enum OutputFile {
    /// Refuses `path` unless it is absent or a regular file (not a link to one).
    static func requireWritablePath(_ path: String, option: String) throws {
        guard let kind = FileKind.of(path, followingLinks: false), kind != .regular else { return }
        throw CommandFailure(
            "\(option) '\(path)' is \(kind.phrase); Reckon writes regular files only and does not replace or follow "
                + "anything else: remove it or choose another path",
            status: .cannotCreate)
    }

    /// Writes `data` to `path` at once: into a new temporary file beside it, then renamed over it, so that a reader
    /// never sees half a file. `path` must be absent or a regular file.
    static func writeAtomically(_ data: Data, to path: String, option: String) throws {
        try requireWritablePath(path, option: option)
        let directory = (path as NSString).deletingLastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.reckon-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, option: option) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        let ok = data.withUnsafeBytes { bytes -> Bool in
            while written < bytes.count {
                let n = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        let error = errno
        // mkstemp creates mode 0600; a report is for reading: 0644 less the umask, like any new file.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o644 & ~mask)
        close(descriptor)
        guard ok else {
            unlink(temporary)
            throw failure(path, option: option, code: error)
        }
        try requireWritablePath(path, option: option)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(path, option: option, code: code)
        }
    }

    /// Opens `path` for writing from its start (created with mode 0644 less the umask, or truncated), refusing
    /// anything but a regular file, links included, and never blocking on a FIFO.
    static func openForWriting(_ path: String, option: String) throws -> FileHandle {
        try requireWritablePath(path, option: option)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP { try requireWritablePath(path, option: option) }
            throw failure(path, option: option, code: code)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            try requireWritablePath(path, option: option)
            throw CommandFailure("\(option) '\(path)' is not a regular file; choose another path", status: .cannotCreate)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        _ = ftruncate(descriptor, 0)
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private static func failure(_ path: String, option: String, code: Int32 = errno) -> CommandFailure {
        CommandFailure("cannot write \(option) '\(path)': \(errnoMessage(code)); check the folder exists and is writable",
                       status: .cannotCreate)
    }
}
