import Numerics

/// SplitMix64: a tiny seeded generator for property tests (seeds are printed on failure).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func bytes(hex: String) -> [UInt8] {
    let chars = Array(hex.filter { !$0.isWhitespace })
    return stride(from: 0, to: chars.count, by: 2).map { UInt8(String(chars[$0..<$0 + 2]), radix: 16)! }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// Reference dequantisation of a whole row into a fresh array.
func referenceDequantize(_ type: GGMLType, _ row: [UInt8], count: Int) -> [Float] {
    var out = [Float](repeating: .nan, count: count)
    row.withUnsafeBytes { src in
        out.withUnsafeMutableBufferPointer { ReferenceKernels.dequantize(type, src.baseAddress!, into: $0.baseAddress!, count: count) }
    }
    return out
}

/// A random row of `count` elements of `type`: random quantised bytes with sane finite fp16 scales
/// (so every nibble/byte pattern is exercised), or random values for the float types.
func randomRow(_ type: GGMLType, count: Int, using rng: inout SplitMix64) -> [UInt8] {
    let traits = type.traits
    let blocks = count / traits.blockSize
    func scale(_ rng: inout SplitMix64) -> UInt16 { Half.fromFloat(Float.random(in: -0.05...0.05, using: &rng)) }
    func setHalf(_ row: inout [UInt8], _ at: Int, _ bits: UInt16) {
        row[at] = UInt8(bits & 0xFF)
        row[at + 1] = UInt8(bits >> 8)
    }
    switch type {
    case .f32:
        let values = (0..<count).map { _ in Float.random(in: -2...2, using: &rng) }
        return values.withUnsafeBytes { Array($0) }
    case .f16, .bf16:
        return Quantizer.quantize(type, (0..<count).map { _ in Float.random(in: -2...2, using: &rng) })
    default:
        var row = (0..<(blocks * traits.bytesPerBlock)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for b in 0..<blocks {
            let base = b * traits.bytesPerBlock
            switch type {
            case .q4_0, .q8_0: setHalf(&row, base, scale(&rng))
            case .q4_1, .q4_K: setHalf(&row, base, scale(&rng)); setHalf(&row, base + 2, scale(&rng))
            case .q6_K: setHalf(&row, base + 208, scale(&rng))
            case .mxfp4: row[base] = UInt8.random(in: 118...130, using: &rng)
            default: break
            }
        }
        return row
    }
}
