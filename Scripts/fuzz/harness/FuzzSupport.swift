// Shared entry points for every Reckon fuzz target (compiled into each target's executable by Scripts/fuzz/run).
//
// A harness file defines three functions:
//   fuzzSeeds() -> [(name: String, bytes: [UInt8])]   a few valid (and a few hostile) inputs: the seed corpus
//   fuzzSetUp()                                       runs once per process before the first input
//   fuzzOne(_ bytes: [UInt8])                         feeds one input to the code under test
// A finding is anything that stops the process: a Swift trap (overflow, index out of range, precondition), an
// AddressSanitizer report, a timeout or running out of memory. A harness may also check a documented invariant
// with `fuzzRequire`, which aborts with a message when it does not hold.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer calls this once at start-up. With `RECKON_FUZZ_WRITE_SEEDS=<folder>` in the environment it writes
/// the harness's seed corpus there and exits instead of fuzzing.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    if let folder = getenv("RECKON_FUZZ_WRITE_SEEDS") {
        let path = String(cString: folder)
        for seed in fuzzSeeds() { writeSeed(seed.bytes, to: path + "/" + seed.name) }
        exit(0)
    }
    fuzzSetUp()
    return 0
}

/// libFuzzer calls this once per input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    fuzzOne(bytes)
    return 0
}

/// Aborts (a libFuzzer finding) when a documented invariant does not hold.
func fuzzRequire(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        printToStandardError("fuzz invariant violated: \(message())\n")
        abort()
    }
}

/// The value of environment variable `name`, if set and not empty.
func fuzzEnvironment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
}

/// Writes `text` to file descriptor 2.
func printToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

private func writeSeed(_ bytes: [UInt8], to path: String) {
    guard let file = fopen(path, "wb") else {
        printToStandardError("cannot write seed \(path)\n")
        exit(1)
    }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
}

/// Little-endian readers over fuzz input, for harnesses that carve several values out of one input.
struct FuzzInput {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uint32() -> UInt32 {
        var value: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) { value |= UInt32(byte()) << UInt32(shift) }
        return value
    }

    /// The rest of the input.
    mutating func rest() -> ArraySlice<UInt8> {
        defer { position = bytes.count }
        return bytes[min(position, bytes.count)...]
    }
}
