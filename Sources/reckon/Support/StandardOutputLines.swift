import Foundation

/// Lines written to standard output through a small buffer that is flushed whenever it passes 64 KiB, when 100 ms
/// have passed since the last flush, and at the end: a long stream costs neither one system call per line nor memory
/// proportional to its length, and a slow one still shows its lines promptly.
///
/// Writing to a closed pipe ends the process (SIGPIPE), as `head` expects of a producer.
struct StandardOutputLines {
    private var buffer: [UInt8] = []
    private let threshold = 1 << 16
    private var lastFlush = DispatchTime.now().uptimeNanoseconds
    private static let interval: UInt64 = 100_000_000

    init() { buffer.reserveCapacity(threshold + 4096) }

    /// Appends `line` and a newline.
    mutating func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= threshold || DispatchTime.now().uptimeNanoseconds &- lastFlush >= Self.interval { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
        lastFlush = DispatchTime.now().uptimeNanoseconds
    }
}
