import Foundation

/// A line chart with a log-10 x axis and a 0…1 y axis: the common renderer of the coverage and strategy charts.
struct LineChart {
    struct Series {
        var name: String
        var color: String
        var points: [(x: Double, y: Double)]
        var dashed = false
        var markers = true
        var inLegend = true
        /// Per point, an optional vertical interval (low, high) drawn as a whisker (e.g. a confidence interval).
        var intervals: [(low: Double, high: Double)?] = []
    }

    var frame: ChartFrame
    var series: [Series]
    /// Shown centred in the plot when no series has a drawable point.
    var emptyMessage = "no data"

    /// The log scale over every point with x > 0.
    var xScale: LogScale {
        let xs = series.flatMap { $0.points.map(\.x) }.filter { $0 > 0 && $0.isFinite }
        return LogScale.fitting(lower: xs.min() ?? 1, upper: xs.max() ?? 10, start: frame.left, end: frame.right)
    }

    var yScale: LinearScale { LinearScale.unit(start: frame.bottom, end: frame.top) }

    func svg() -> String {
        let x = xScale, y = yScale
        var svg = frame.open()
        for value in minorTicks(x) { svg += frame.xTick(at: x.position(value), label: "", major: false) }
        for value in x.ticks { svg += frame.xTick(at: x.position(value), label: LogScale.label(value)) }
        for value in y.ticks { svg += frame.yTick(at: y.position(value), label: LinearScale.label(value)) }
        var drawn = 0
        for entry in series {
            let points = entry.points.filter { $0.x > 0 && $0.x.isFinite && $0.y.isFinite }
            guard !points.isEmpty else { continue }
            drawn += 1
            let path = points.map { "\(Markup.coordinate(x.position($0.x))),\(Markup.coordinate(y.position($0.y)))" }
            svg += "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(entry.color)\" stroke-width=\"2\""
            svg += entry.dashed ? " stroke-dasharray=\"5 3\"/>\n" : "/>\n"
            for (index, interval) in entry.intervals.enumerated() {
                guard let interval, index < entry.points.count, interval.low.isFinite, interval.high.isFinite else { continue }
                let point = entry.points[index]
                guard point.x > 0, point.x.isFinite else { continue }
                let px = Markup.coordinate(x.position(point.x))
                svg += "<line x1=\"\(px)\" y1=\"\(Markup.coordinate(y.position(interval.low)))\" x2=\"\(px)\" "
                svg += "y2=\"\(Markup.coordinate(y.position(interval.high)))\" stroke=\"\(entry.color)\" stroke-opacity=\"0.45\"/>\n"
            }
            if entry.markers {
                for point in points {
                    svg += "<circle cx=\"\(Markup.coordinate(x.position(point.x)))\" cy=\"\(Markup.coordinate(y.position(point.y)))\" "
                    svg += "r=\"3\" fill=\"\(entry.color)\"/>\n"
                }
            }
        }
        if drawn == 0 {
            svg += frame.text(x: (frame.left + frame.right) / 2, y: (frame.top + frame.bottom) / 2, Markup.escape(emptyMessage), anchor: "middle")
        }
        svg += frame.legend(series.filter(\.inLegend).map { ($0.name, $0.color, $0.dashed) })
        svg += frame.close()
        return svg
    }

    /// Unlabelled 2…9 × 10ⁿ grid lines between the labelled ticks.
    private func minorTicks(_ scale: LogScale) -> [Double] {
        let labelled = Set(scale.ticks)
        var values: [Double] = []
        var decade = pow(10, (log10(scale.lower) + 1e-9).rounded(.down))
        while decade < scale.upper {
            for multiple in 1...9 {
                let value = decade * Double(multiple)
                if value > scale.lower, value < scale.upper, !labelled.contains(value) { values.append(value) }
            }
            decade *= 10
        }
        return values
    }
}
