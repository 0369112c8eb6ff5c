import Testing
@testable import Engine

@Suite struct StopStringMatcherTests {
    /// Feeds pieces one at a time; returns what was shown, whether it stopped, and the final text.
    func feed(_ pieces: [String], stops: [String]) -> (shown: String, stopped: Bool, text: String) {
        var matcher = StopStringMatcher(stops: stops)
        var shown = ""
        for piece in pieces {
            let (visible, stopped) = matcher.append(piece)
            shown += visible
            if stopped { return (shown, true, matcher.text) }
        }
        shown += matcher.flush()
        return (shown, false, matcher.text)
    }

    @Test func noStopsPassesEverythingThrough() {
        let r = feed(["Hel", "lo", " world"], stops: [])
        #expect(r == ("Hello world", false, "Hello world"))
    }

    @Test func stopInsideOnePiece() {
        let r = feed(["The answer", " is 4.\nQ: next"], stops: ["\nQ:"])
        #expect(r == ("The answer is 4.", true, "The answer is 4."))
    }

    @Test func stopSpanningPiecesIsNeverPartlyShown() {
        var matcher = StopStringMatcher(stops: ["</s>"])
        #expect(matcher.append("abc<").visible == "abc")
        #expect(matcher.append("/").visible == "")
        let last = matcher.append("s>tail")
        #expect(last.visible == "" && last.stopped)
        #expect(matcher.text == "abc")
    }

    @Test func falseAlarmIsReleased() {
        let r = feed(["x<", "/y", "z"], stops: ["</s>"])
        #expect(r == ("x</yz", false, "x</yz"))
    }

    @Test func earliestOfSeveralStopsWins() {
        let r = feed(["one two three"], stops: ["three", "two"])
        #expect(r == ("one ", true, "one "))
    }
}
