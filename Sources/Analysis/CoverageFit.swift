extension PowerLawFit {
    /// Most log-spaced points a coverage fit uses (Brown et al. 2024 fit 40 log-spaced k, App. C.1).
    public static let coverageFitPoints = 40

    /// The one fit of c(k) ≈ exp(a·k^b) to a measured coverage curve that every front end shows (`reckon eval`'s
    /// summary and the HTML report): at most ``coverageFitPoints`` log-spaced k from 1 to maxK, least squares on
    /// coverage (`.refinedOnCoverage`, as SciPy's `curve_fit`), falling back to the log-log line when the
    /// refinement does not converge.
    /// - Throws: `.tooFewFitPoints` when the curve has fewer than two points with 0 < c < 1 at distinct k.
    public static func coverageLaw(of curve: CoverageCurve) throws(AnalysisError) -> PowerLawFit {
        guard curve.maxK >= 2 else {
            throw .tooFewFitPoints(usable: curve.values.filter { $0 > 0 && $0 < 1 }.count, total: curve.maxK)
        }
        let points = try curve.logSpacedPoints(count: min(coverageFitPoints, curve.maxK))
        do {
            return try fit(points, method: .refinedOnCoverage)
        } catch {
            guard case .fitDidNotConverge = error else { throw error }
            return try fit(points, method: .logLinear)
        }
    }
}
