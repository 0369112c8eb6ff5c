import BigInt
import Exact
import Testing
@testable import Tasks

@Suite struct BigUIntRandomTests {
    @Test func decimalRoundTripAndRandomDigits() {
        var rng = TaskRNG(seed: 99)
        for digits in 1...60 {
            for _ in 0..<20 {
                let v = BigUInt.random(digits: digits, using: &rng)
                #expect(v.decimalString.count == digits, "digits=\(digits) v=\(v)")
                #expect(BigUInt(decimal: v.decimalString) == v)
            }
        }
    }

    /// `random(below:)` over a bound spanning several 32-bit digits: every draw is below the bound.
    @Test func randomBelowStaysBelow() {
        var rng = TaskRNG(seed: 5)
        let bound = BigUInt(decimal: "123456789012345678901234567")!
        for _ in 0..<200 { #expect(BigUInt.random(below: bound, using: &rng) < bound) }
    }
}
