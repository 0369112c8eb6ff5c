/// Accuracy against mean generated tokens per problem (log x), one line per strategy, with the run's Pareto
/// frontier over every point (dashed black) and each accuracy's 95 % bootstrap interval as a faint whisker.
/// Replayed strategies' tokens are estimates; online ones (series marked "measured online") are measured.
enum StrategyChart {
    static func svg(_ chart: ReportData.StrategyChartData) -> String {
        var lines = chart.series.enumerated().map { index, entry in
            LineChart.Series(
                name: entry.name, color: Palette.color(index), points: entry.points.map { ($0.generatedTokens, $0.accuracy) },
                dashed: Palette.isRepeat(index),
                intervals: entry.points.map { point in
                    guard let low = point.accuracyLow, let high = point.accuracyHigh else { return nil }
                    return (low, high)
                })
        }
        if chart.frontier.count >= 1 {
            let measured = chart.frontier.contains(where: \.measured)
            lines.append(LineChart.Series(
                name: measured ? "frontier (measured + estimated)" : "frontier (estimated)", color: "#000000",
                points: chart.frontier.map { ($0.generatedTokens, $0.accuracy) }, dashed: true, markers: false))
        }
        let frame = ChartFrame(
            title: chart.title, xLabel: "generated tokens per problem (log scale; estimated by replay unless measured online)",
            yLabel: "accuracy")
        return LineChart(frame: frame, series: lines, emptyMessage: "no strategy results").svg()
    }
}
