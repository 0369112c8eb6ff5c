import Foundation

/// Coverage c(k) against samples k (log x), each measured curve with its fitted c(k) = exp(a·k^b) dashed
/// (legend: the fitted a, b and R² on coverage, and the saturation point N* at its target coverage).
enum CoverageChart {
    static func svg(_ series: [ReportData.CoverageSeries]) -> String {
        var lines: [LineChart.Series] = []
        for (index, entry) in series.enumerated() {
            let color = Palette.color(index)
            lines.append(LineChart.Series(name: entry.name, color: color, points: entry.points.map { ($0.k, $0.coverage) }))
            if let fit = entry.fit, let last = entry.points.map(\.k).max(), last > 1 {
                let samples = 60
                let points = (0...samples).map { step -> (x: Double, y: Double) in
                    let k = pow(last, Double(step) / Double(samples))
                    return (k, fit.curve.coverage(at: k))
                }
                var name = String(format: "fit a=%.3g b=%.3g R²=%.3f", fit.a, fit.b, fit.rSquared)
                if let saturation = entry.saturation {
                    name += String(format: " N*(%g)=", saturation.target) + (saturation.samples.map(String.init) ?? "none")
                }
                lines.append(LineChart.Series(name: name, color: color, points: points, dashed: true, markers: false))
            }
        }
        let frame = ChartFrame(title: "Coverage vs samples", xLabel: "samples per problem k (log scale)", yLabel: "coverage (pass@k)")
        return LineChart(frame: frame, series: lines, emptyMessage: "no samples stored").svg()
    }
}
