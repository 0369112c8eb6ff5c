/// How a low-precision element format spends its all-ones exponent (and other reserved codes) on non-finite values.
public enum SpecialValues: Sendable, Equatable {
    /// IEEE 754 style: exponent all ones with mantissa 0 is ±infinity, any other mantissa is NaN
    /// (fp16, bf16, fp8 e5m2).
    case infinityAndNaN
    /// OCP "fn" style (fp8 e4m3): no infinities; only the all-ones magnitude `S.1111.111` is NaN (one NaN per sign),
    /// so the all-ones exponent is otherwise a normal binade.
    case nanOnly
    /// OCP MX element style (fp6 e2m3/e3m2, fp4 e2m1): every code is a finite number.
    case none
    /// The E8M0 scale: unsigned, exponent only, every code `c` is `2^(c-127)` except `0xFF`, which is NaN.
    case exponentOnlyNaN
}

/// Layout facts about one element format: bit widths, exponent bias and which codes are special.
///
/// A code is an unsigned integer of `bitWidth` bits. For signed formats the top bit is the sign, then `exponentBits`,
/// then `mantissaBits`. A finite code with exponent field `e` and mantissa field `f` has the value
/// `(-1)^s · 2^(e-bias) · (1 + f/2^m)` when `e > 0` and `(-1)^s · 2^(1-bias) · f/2^m` (subnormal) when `e == 0`,
/// except E8M0, whose code `c` is always `2^(c-127)` (no zero, no subnormals, no sign).
public struct ElementTraits: Sendable, Equatable {
    /// The command-line name, e.g. `"fp8-e4m3"`.
    public let name: String
    /// Bits per code (4, 6, 8 or 16).
    public let bitWidth: Int
    /// Exponent field width in bits.
    public let exponentBits: Int
    /// Mantissa (fraction) field width in bits.
    public let mantissaBits: Int
    /// Exponent bias.
    public let bias: Int
    /// Whether the top bit is a sign bit.
    public let isSigned: Bool
    /// Which codes are infinities or NaNs.
    public let specials: SpecialValues
    /// The format these traits describe.
    public let format: ElementFormat

    /// Every element format's traits, indexed by `ElementFormat.tableIndex` (order of `ElementFormat.allCases`).
    /// Formats follow the OCP OFP8 v1.0 and OCP MX v1.0 specifications (numerics.md §3.1); the comment gives
    /// the largest finite value, the smallest normal and the smallest subnormal.
    public static let table: [ElementTraits] = [
        // ±65504, 2^-14, 2^-24
        ElementTraits(name: "fp16", bitWidth: 16, exponentBits: 5, mantissaBits: 10, bias: 15, isSigned: true,
                      specials: .infinityAndNaN, format: .fp16),
        // ±(2-2^-7)·2^127, 2^-126, 2^-133
        ElementTraits(name: "bf16", bitWidth: 16, exponentBits: 8, mantissaBits: 7, bias: 127, isSigned: true,
                      specials: .infinityAndNaN, format: .bf16),
        // ±448, 2^-6, 2^-9
        ElementTraits(name: "fp8-e4m3", bitWidth: 8, exponentBits: 4, mantissaBits: 3, bias: 7, isSigned: true,
                      specials: .nanOnly, format: .fp8E4M3),
        // ±57344, 2^-14, 2^-16
        ElementTraits(name: "fp8-e5m2", bitWidth: 8, exponentBits: 5, mantissaBits: 2, bias: 15, isSigned: true,
                      specials: .infinityAndNaN, format: .fp8E5M2),
        // ±7.5, 1, 0.125
        ElementTraits(name: "fp6-e2m3", bitWidth: 6, exponentBits: 2, mantissaBits: 3, bias: 1, isSigned: true,
                      specials: .none, format: .fp6E2M3),
        // ±28, 0.25, 0.0625
        ElementTraits(name: "fp6-e3m2", bitWidth: 6, exponentBits: 3, mantissaBits: 2, bias: 3, isSigned: true,
                      specials: .none, format: .fp6E3M2),
        // ±6, 1, 0.5
        ElementTraits(name: "fp4-e2m1", bitWidth: 4, exponentBits: 2, mantissaBits: 1, bias: 1, isSigned: true,
                      specials: .none, format: .fp4E2M1),
        // 2^127 largest, 2^-127 smallest (code 0), no zero
        ElementTraits(name: "e8m0", bitWidth: 8, exponentBits: 8, mantissaBits: 0, bias: 127, isSigned: false,
                      specials: .exponentOnlyNaN, format: .e8m0),
    ]

    /// Number of distinct codes, `2^bitWidth`.
    @inlinable public var codeCount: Int { 1 << bitWidth }

    /// The sign bit's mask (0 for unsigned formats).
    @inlinable public var signMask: UInt16 { isSigned ? UInt16(1 << (bitWidth - 1)) : 0 }

    /// The mask of the exponent and mantissa fields.
    @inlinable public var magnitudeMask: UInt16 { UInt16((1 << (exponentBits + mantissaBits)) - 1) }

    /// The magnitude bits of the largest finite code.
    @inlinable public var maxFiniteMagnitude: UInt16 {
        switch specials {
        case .infinityAndNaN: UInt16((((1 << exponentBits) - 2) << mantissaBits) | ((1 << mantissaBits) - 1))
        case .nanOnly: magnitudeMask - 1
        case .none: magnitudeMask
        case .exponentOnlyNaN: 0xFE
        }
    }

    /// Whether the format has a code for ±infinity.
    @inlinable public var hasInfinity: Bool { specials == .infinityAndNaN }

    /// Whether the format has a NaN code.
    @inlinable public var hasNaN: Bool { specials != .none }
}
