/// The exit statuses of every `reckon` command: the values of BSD's `sysexits.h`, so scripts can tell a mistyped
/// command from bad data or a broken disk. Documented in the README ("Exit status").
enum ExitStatus: Int32, CaseIterable {
    /// Everything asked was done.
    case success = 0
    /// The command line is wrong: an unknown option, a value out of range, a request larger than can be done
    /// (EX_USAGE).
    case usage = 64
    /// An input exists but its content is unusable: malformed JSON Lines, a corrupt GGUF file, a file that is not
    /// a Reckon run database (EX_DATAERR).
    case dataError = 65
    /// An input file does not exist or cannot be read (EX_NOINPUT).
    case noInput = 66
    /// A service is unavailable: the remote server failed, the default model could not be fetched (EX_UNAVAILABLE).
    case unavailable = 69
    /// A failure inside Reckon that no input explains: a bug to report (EX_SOFTWARE).
    case software = 70
    /// An output file cannot be created, or the path is not a regular file (EX_CANTCREAT).
    case cannotCreate = 73
    /// Reading or writing failed part way: disk full, database locked, I/O error (EX_IOERR).
    case ioError = 74
}

/// A command failure with a message for people (printed as `Error: …`, without the usage text) and its exit status.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    let status: ExitStatus

    init(_ description: String, status: ExitStatus) {
        self.description = description
        self.status = status
    }
}
