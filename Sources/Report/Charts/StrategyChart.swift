/// Accuracy against mean generated tokens per problem (log x), one line per strategy.
enum StrategyChart {
    static func svg(_ chart: ReportData.StrategyChartData) -> String {
        let lines = chart.series.enumerated().map { index, entry in
            LineChart.Series(
                name: entry.name, color: Palette.color(index), points: entry.points.map { ($0.generatedTokens, $0.accuracy) },
                dashed: Palette.isRepeat(index))
        }
        let frame = ChartFrame(
            title: chart.title, xLabel: "generated tokens per problem (log scale)", yLabel: "accuracy")
        return LineChart(frame: frame, series: lines, emptyMessage: "no strategy results").svg()
    }
}
