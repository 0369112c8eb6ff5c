/// A low-precision number format whose codes Reckon can decode and encode exactly: the IEEE/OCP element formats
/// and the MX shared-scale format E8M0.
///
/// Per-format facts (widths, bias, special codes) live in one data table, ``ElementTraits/table``; behaviour
/// (``decode(_:)``, ``encode(_:overflow:)``, ``encodeStochastically(_:overflow:using:)``) is derived from those
/// facts, so adding a format is adding a case and a table row (then a fixture from `Scripts/oracle/format_codes.py`).
///
/// Codes are carried in a `UInt16` whose low `bitWidth` bits are the code.
public enum ElementFormat: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// IEEE 754 binary16.
    case fp16
    /// bfloat16 (the top half of an fp32).
    case bf16
    /// OCP FP8 E4M3 ("e4m3fn"): no infinities, NaN only at `0x7F`/`0xFF`, largest finite 448.
    case fp8E4M3
    /// OCP FP8 E5M2: IEEE-like with ±infinity and NaNs, largest finite 57344.
    case fp8E5M2
    /// OCP MX FP6 E2M3: no infinities or NaN, largest finite 7.5.
    case fp6E2M3
    /// OCP MX FP6 E3M2: no infinities or NaN, largest finite 28.
    case fp6E3M2
    /// OCP MX FP4 E2M1 (also the NVFP4 element): no infinities or NaN, values ±{0, 0.5, 1, 1.5, 2, 3, 4, 6}.
    case fp4E2M1
    /// OCP MX E8M0 scale: unsigned powers of two `2^-127 ... 2^127`, `0xFF` is NaN, no zero.
    case e8m0

    /// Layout facts for this format (one table for all formats).
    @inlinable
    public var traits: ElementTraits { ElementTraits.table[Int(tableIndex)] }

    /// Position of this format in ``ElementTraits/table``.
    @usableFromInline
    var tableIndex: UInt8 { rawValue }

    /// The command-line name, e.g. `"fp8-e4m3"`.
    public var description: String { traits.name }

    /// The format with command-line name `name` (e.g. `"fp4-e2m1"`), or nil.
    public init?(name: String) {
        guard let match = ElementFormat.allCases.first(where: { $0.traits.name == name }) else { return nil }
        self = match
    }

    /// The largest finite value.
    public var maxFinite: Float { decode(traits.maxFiniteMagnitude) }
}
