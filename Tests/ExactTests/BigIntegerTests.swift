import BigInt
import Exact
import Foundation
import Testing

/// attaswift/BigInt with Reckon's extensions (decimal text, roots, `Double` view) and ``Rational``.
@Suite struct BigIntegerTests {
    struct OracleCase: Decodable {
        let a, b, e, m, sum, diff, prod, quot, rem, powmod, gcd, isqrt: String
    }

    /// Cases computed by Python's big integers (Scripts/tasks/bigint_oracle.py).
    @Test func matchesPythonOracle() throws {
        let data = try Data(contentsOf: Bundle.module.url(forResource: "Fixtures/bigint-oracle", withExtension: "json")!)
        let cases = try JSONDecoder().decode([OracleCase].self, from: data)
        #expect(cases.count > 500)
        for c in cases {
            let a = try #require(BigUInt(decimal: c.a)), b = try #require(BigUInt(decimal: c.b))
            let e = try #require(BigUInt(decimal: c.e)), m = try #require(BigUInt(decimal: c.m))
            #expect(a.decimalString == c.a)
            #expect((a + b).decimalString == c.sum, "a=\(c.a) b=\(c.b)")
            #expect((a >= b ? a - b : b - a).decimalString == c.diff, "a=\(c.a) b=\(c.b)")
            #expect((a * b).decimalString == c.prod, "a=\(c.a) b=\(c.b)")
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(q.decimalString == c.quot, "a=\(c.a) b=\(c.b)")
            #expect(r.decimalString == c.rem, "a=\(c.a) b=\(c.b)")
            #expect(a.power(e, modulus: m).decimalString == c.powmod, "a=\(c.a) e=\(c.e) m=\(c.m)")
            #expect(a.greatestCommonDivisor(with: b).decimalString == c.gcd, "a=\(c.a) b=\(c.b)")
            #expect(a.integerRoot(2).decimalString == c.isqrt, "a=\(c.a)")
        }
    }

    /// Every pair below 300 (and selected larger ones) against UInt64 arithmetic.
    @Test func exhaustiveSmallCases() {
        for x in 0..<300 as Range<UInt64> {
            for y in 0..<300 as Range<UInt64> {
                let a = BigUInt(x), b = BigUInt(y)
                #expect((a + b).uint64 == x + y)
                #expect((a * b).uint64 == x * y)
                if x >= y { #expect((a - b).uint64 == x - y) }
                #expect((a < b) == (x < y))
                if y > 0 {
                    let (q, r) = a.quotientAndRemainder(dividingBy: b)
                    #expect(q.uint64 == x / y && r.uint64 == x % y, "x=\(x) y=\(y)")
                }
            }
        }
    }

    @Test func rationalBasics() throws {
        let half = Rational(1, 2), third = Rational(1, 3)
        #expect((half + third).description == "5/6")
        #expect((half - third).description == "1/6")
        #expect((half * third).description == "1/6")
        #expect((half / third)?.description == "3/2")
        #expect(Rational(-4, 6).description == "-2/3")
        #expect(Rational(4, -6).description == "-2/3")
        #expect(Rational(9, 4).exactSquareRoot == Rational(3, 2))
        #expect(Rational(2).exactSquareRoot == nil)
        #expect(Rational(-8).exactRoot(3) == Rational(-2))
        #expect(BigUInt(decimal: "") == nil && BigUInt(decimal: "12a") == nil && BigUInt(decimal: "+1") == nil)
        #expect(BigUInt(decimal: "000123")?.decimalString == "123")
        #expect(Rational.parse("-7 / 2") == Rational(-7, 2) && Rational.parse("1,234") == nil && Rational.parse("1/0") == nil)
        #expect(Rational(-5, 8).decimalString(places: 2) == "-0.63" && Rational(-1, 1000).decimalString(places: 2) == "0.00")
        #expect(Rational(-7, 2).floor == -4 && Rational(-7, 2).ceiling == -3 && Rational(7, 2).floor == 3)
        #expect(abs(Rational(1, 3).doubleValue - 1.0 / 3.0) < 1e-16)
        #expect(Rational(decimalLiteral: "-12.50") == Rational(-25, 2))
        #expect(Rational(2).power(-3) == Rational(1, 8))
    }
}
