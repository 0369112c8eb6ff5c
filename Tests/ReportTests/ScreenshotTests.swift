import Foundation
import Testing
@testable import Report

/// Renders the report in headless Chromium and checks a non-blank 1200×2000 PNG comes out.
/// Skipped (with the reason shown) when no `chromium` is on PATH; CI installs it with `apt-get install -y chromium`.
@Suite struct ScreenshotTests {
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Runs chromium on `html`, returning the PNG bytes.
    static func screenshot(_ html: String, in folder: URL, name: String) throws -> Data {
        let page = folder.appendingPathComponent("\(name).html")
        let png = folder.appendingPathComponent("\(name).png")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "timeout", "120", chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(folder.appendingPathComponent("profile-\(name)").path)",
            "--screenshot=\(png.path)", "--window-size=1200,2000", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: png)
    }

    /// Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian).
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func integer(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (integer(16), integer(20))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not on PATH: install it (Debian: apt-get install -y chromium) to run the screenshot check"))
    func reportRendersToANonBlankScreenshot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = ReportData.build(title: "Screenshot check", runs: [
            ReportFixtures.syntheticRun(id: 1, task: "arithmetic", problems: 12, samples: 32),
            ReportFixtures.syntheticRun(id: 2, task: "sorting", problems: 12, samples: 16),
        ])
        let report = try Self.screenshot(HTMLReport.render(data), in: folder, name: "report")
        let blank = try Self.screenshot(
            "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body></body></html>", in: folder, name: "blank")
        let size = try #require(Self.pngSize(report), "not a PNG")
        #expect(size.width == 1200 && size.height == 2000)
        // A blank page compresses to a few KB; charts, text and tables make the PNG many times larger.
        #expect(report.count > 5 * blank.count, "report PNG \(report.count) bytes vs blank \(blank.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["RECKON_KEEP_SCREENSHOT"] {
            try report.write(to: URL(fileURLWithPath: keep))
        }
    }
}
