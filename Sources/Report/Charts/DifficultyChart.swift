/// Horizontal bars: accuracy (pass@1) for each difficulty setting, labelled with its 95 % bootstrap interval and the
/// problem count.
enum DifficultyChart {
    static func svg(_ bars: [ReportData.DifficultyBar]) -> String {
        let rowHeight = 28.0
        var frame = ChartFrame(
            title: "Accuracy by difficulty", xLabel: "accuracy (pass@1)", yLabel: "")
        frame.left = 300
        frame.right = 760
        frame.bottom = frame.top + max(1, Double(bars.count)) * rowHeight + 8
        frame.height = frame.bottom + 56
        let x = LinearScale.unit(start: frame.left, end: frame.right)
        var svg = frame.open()
        for value in x.ticks { svg += frame.xTick(at: x.position(value), label: LinearScale.label(value)) }
        if bars.isEmpty {
            svg += frame.text(x: (frame.left + frame.right) / 2, y: frame.top + 24, "no samples stored", anchor: "middle")
        }
        for (index, bar) in bars.enumerated() {
            let y = frame.top + 6 + Double(index) * rowHeight
            let value = min(max(bar.accuracy, 0), 1)
            let end = x.position(value)
            svg += frame.text(x: frame.left - 8, y: y + 15, Markup.escape(bar.label), anchor: "end")
            svg += "<rect x=\"\(Markup.coordinate(frame.left))\" y=\"\(Markup.coordinate(y))\" width=\"\(Markup.coordinate(end - frame.left))\" "
            svg += "height=\"\(Markup.coordinate(rowHeight - 8))\" fill=\"\(Palette.color(0))\"/>\n"
            var caption = String(format: "%.3f", bar.accuracy)
            if let low = bar.accuracyLow, let high = bar.accuracyHigh { caption += String(format: " [%.3f, %.3f]", low, high) }
            caption += " (\(bar.problems) problems)"
            let inside = value > 0.6
            svg += frame.text(
                x: inside ? end - 6 : end + 6, y: y + 15, caption, anchor: inside ? "end" : "start",
                extra: inside ? " fill=\"#ffffff\"" : "")
        }
        svg += frame.close()
        return svg
    }
}
