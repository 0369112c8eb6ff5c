/// The `seed` field: any integer from −2⁶³ to 2⁶⁴ − 1, kept as its 64-bit pattern (a negative seed is its two's
/// complement, so `-1` and `18446744073709551615` are the same seed).
///
/// OpenAI documents `seed` as an integer without a range. Reckon's own samples have 64-bit unsigned seeds (those
/// `reckon eval --endpoint` sends, and the `x-reckon-seed` header this server returns), and the signed range keeps
/// clients that send negative seeds working. A number outside both ranges, or not an integer, is refused (400,
/// `invalid_value`); a value that is not a number is a wrong type (400, `invalid_type`).
public struct RequestSeed: Decodable, Sendable, Equatable {
    /// The seed's 64 bits.
    public var bits: UInt64

    public init(bits: UInt64) { self.bits = bits }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let unsigned = try? container.decode(UInt64.self) {
            bits = unsigned
        } else if let signed = try? container.decode(Int64.self) {
            bits = UInt64(bitPattern: signed)
        } else if (try? container.decode(Double.self)) != nil {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an integer from -9223372036854775808 to 18446744073709551615")
        } else {
            throw DecodingError.typeMismatch(UInt64.self, .init(
                codingPath: decoder.codingPath, debugDescription: "expected an integer"))
        }
    }
}
