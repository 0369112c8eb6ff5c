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

/// A piece that starts with a combining mark merges, as a `Character`, with the text before it; it must still be
/// shown (the streamed pieces always add up to the final text). Seen on the tiny model: "\u{FFFD}" then "\u{059C}".
@Suite struct StopStringMatcherCombiningTests {
    @Test(arguments: [[String](), ["zz"]])
    func combiningMarkAfterShownTextIsShown(stops: [String]) {
        var matcher = StopStringMatcher(stops: stops)
        var shown = matcher.append("\u{FFFD}").visible
        shown += matcher.append("\u{059C}").visible
        shown += matcher.append("e").visible
        shown += matcher.append("\u{301} a").visible
        shown += matcher.flush()
        #expect(Array(shown.unicodeScalars) == Array("\u{FFFD}\u{059C}e\u{301} a".unicodeScalars))
        #expect(Array(shown.unicodeScalars) == Array(matcher.text.unicodeScalars))
    }

    @Test func stopAfterCombiningMarkCutsBeforeIt() {
        var matcher = StopStringMatcher(stops: ["STOP"])
        var shown = matcher.append("e").visible
        shown += matcher.append("\u{301}ST").visible
        let last = matcher.append("OP and more")
        shown += last.visible
        #expect(last.stopped)
        #expect(Array(shown.unicodeScalars) == Array("e\u{301}".unicodeScalars))
        #expect(Array(matcher.text.unicodeScalars) == Array("e\u{301}".unicodeScalars))
    }
}
