import Testing
@testable import Report

@Suite struct MarkupTests {
    @Test func escapesEveryMarkupCharacter() {
        #expect(Markup.escape(#"<script>alert("x")</script> & 'q'"#)
            == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;")
    }

    @Test func replacesCharactersXMLForbids() {
        #expect(Markup.escape("a\u{1}b\u{0}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
        #expect(Markup.escape("é 🙂 ≥") == "é 🙂 ≥")
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(Markup.coordinate(150) == "150")
        #expect(Markup.coordinate(332.19281) == "332.19")
        #expect(Markup.coordinate(0.5) == "0.5")
        #expect(Markup.coordinate(-3.999) == "-4")
        #expect(Markup.coordinate(.nan) == "0")
    }
}
