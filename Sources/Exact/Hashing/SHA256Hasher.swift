import Crypto

/// SHA-256 (FIPS 180-4) digests written as lower-case hex, from swift-crypto. Feed bytes with `update`, read the
/// digest once with `finalizeHex()`; or hash a whole value with `hex(_:)`. Not `Sendable` (swift-crypto's hasher is not).
public struct SHA256Hasher {
    private var function = SHA256()

    public init() {}

    /// Feeds bytes.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let fed: Void? = bytes.withContiguousStorageIfAvailable { function.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if fed == nil { function.update(data: Array(bytes)) }
    }

    /// Feeds the UTF-8 bytes of `text`.
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { function.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// The 32-byte digest as 64 lower-case hex digits; the hasher must not be used afterwards.
    public mutating func finalizeHex() -> String {
        SHA256Hasher.hexString(Array(function.finalize()))
    }

    /// The digest of `bytes` as hex.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// The digest of the UTF-8 bytes of `text` as hex.
    public static func hex(_ text: String) -> String {
        var hasher = SHA256Hasher()
        hasher.update(text)
        return hasher.finalizeHex()
    }

    /// Lower-case hex of `bytes`, two digits per byte.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
