import Foundation

/// What a path names, from `lstat` (the link itself) or `stat` (what it points to).
enum FileKind: Equatable {
    case regular, directory, symbolicLink, fifo, characterDevice, blockDevice, socket, other

    /// The kind of `path`, or nil when nothing is there. With `followingLinks`, a symbolic link is resolved.
    static func of(_ path: String, followingLinks: Bool) -> FileKind? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .fifo
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    /// "a symbolic link", "a FIFO (named pipe)", … for messages.
    var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .directory: return "a directory"
        case .symbolicLink: return "a symbolic link"
        case .fifo: return "a FIFO (named pipe)"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .other: return "not a regular file"
        }
    }
}

/// The message of the current `errno`, e.g. "Permission denied".
func errnoMessage(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
