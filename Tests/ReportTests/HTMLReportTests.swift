import Foundation
import Testing
@testable import Report
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects element names and the text of chosen elements while parsing the report as XML.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String: [String]] = [:]
    private var current: [String] = []
    private var buffer = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(name)
        current.append(name)
        buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[name, default: []].append(buffer)
        buffer = ""
        current.removeLast()
    }

    static func parse(_ html: String) -> (ok: Bool, error: String, collector: XMLCollector) {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, "\(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)", collector)
    }
}

@Suite struct HTMLReportTests {
    @Test func reportOfStoredRunsIsWellFormedXHTMLWithOneSVGPerChart() {
        let data = ReportData.build(title: "Report", runs: [ReportDataTests.tinyRun(), ReportFixtures.syntheticRun(id: 6, task: "x", problems: 6, samples: 16)])
        let html = HTMLReport.render(data)
        let parsed = XMLCollector.parse(html)
        #expect(parsed.ok, "not well-formed: \(parsed.error)")
        #expect(parsed.collector.elements.first == "html")
        // Coverage and difficulty, plus one strategy chart per run.
        #expect(data.strategyCharts.count == 2)
        #expect(parsed.collector.elements.filter { $0 == "svg" }.count == 4)
        // The runs overview, one cost table per strategy chart, one description per run.
        #expect(parsed.collector.elements.filter { $0 == "table" }.count == 1 + 2 + 2)
        #expect(!parsed.collector.elements.contains("script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"))
        #expect(!html.contains("https://"))
    }

    @Test func hostileStringsAreEscapedAndReadBackVerbatim() {
        let html = HTMLReport.render(ReportFixtures.hostileData())
        let parsed = XMLCollector.parse(html)
        #expect(parsed.ok, "not well-formed: \(parsed.error)")
        #expect(!parsed.collector.elements.contains("script"))
        #expect(!html.contains("<script"))
        // The parser decodes the entities: every hostile string comes back exactly.
        #expect(parsed.collector.texts["h1"] == [ReportFixtures.hostile])
        #expect(parsed.collector.texts["title"]
            == [ReportFixtures.hostile, "Coverage vs samples", ReportFixtures.hostile, "Accuracy by difficulty"])
        #expect(parsed.collector.texts["caption"] == [ReportFixtures.hostile])
        #expect(parsed.collector.texts["li"] == [ReportFixtures.hostile])
        let svgTexts = parsed.collector.texts["text"] ?? []
        // Two legends, the strategy chart's title and one bar label.
        #expect(svgTexts.filter { $0 == ReportFixtures.hostile }.count == 4)
        #expect(parsed.collector.texts["td"]?.contains("2.5 T") == true)
        #expect(parsed.collector.texts["td"]?.contains("3 MiB") == true)
    }

    @Test func emptyDataStillRendersThreeChartsWithMessages() {
        let html = HTMLReport.render(ReportData(title: "empty"))
        let parsed = XMLCollector.parse(html)
        #expect(parsed.ok, "not well-formed: \(parsed.error)")
        #expect(parsed.collector.elements.filter { $0 == "svg" }.count == 3)
        #expect(parsed.collector.texts["text"]?.contains("no samples stored") == true)
        #expect(parsed.collector.texts["td"]?.contains("no strategy results") == true)
    }

    @Test func coverageChartPlacesItsTicksOnTheLogScale() {
        let series = ReportData.CoverageSeries(
            name: "c", points: [.init(k: 1, coverage: 0), .init(k: 1000, coverage: 1)], fit: nil)
        let svg = CoverageChart.svg([series])
        // Plot spans x = 64…580 (516 px) over 3 decades: ticks every 172 px; y spans 364 (0) … 40 (1).
        for (label, x) in [("1", "64"), ("10", "236"), ("100", "408"), ("1k", "580")] {
            #expect(svg.contains("<text x=\"\(x)\" y=\"382\" text-anchor=\"middle\">\(label)</text>"), "tick \(label) at x=\(x)")
        }
        #expect(svg.contains("<polyline points=\"64,364 580,40\""))
    }
}
