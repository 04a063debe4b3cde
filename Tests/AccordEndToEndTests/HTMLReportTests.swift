import Foundation
import XCTest

/// `accord report --html` rendered by a real browser: headless Chromium loads the page of a seeded ledger, takes a
/// screenshot that must not be blank, and dumps the DOM it built, which must hold one bar per secondment, grant and
/// agreement drawn and one row per figure.
final class HTMLReportTests: XCTestCase {
    static let chromium = "/usr/bin/chromium"

    func testChromiumRendersTheReportOfASeededLedger() async throws {
        guard FileManager.default.isExecutableFile(atPath: HTMLReportTests.chromium) else {
            throw XCTSkip(
                "\(HTMLReportTests.chromium) is not installed (Debian package chromium; scripts/ensure-dependencies.sh installs it when run as root)"
            )
        }
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        // A second secondment at Ispra, one of another year (left out of 2026's page), and a title that would be
        // markup if it were not escaped.
        try ledger.accord([
            "agreement", "sign", "--id", "jrc-cnrs-escape", "--title", "<script>document.title='x'</script> & co",
            "--kind", "framework", "--party", "cnrs", "--party", "jrc", "--signed-on", "2026-02-01", "--domain",
            "energy",
        ])
        try ledger.accord([
            "secondment", "start", "--id", "s-2026-002", "--person", "p-0001", "--agreement", "jrc-cnrs-escape",
            "--host-institution", "jrc", "--host-site", "ispra", "--mode", "detachment", "--domain", "energy",
            "--start", "2026-09-01", "--planned-end", "2027-02-28",
        ])
        try ledger.accord([
            "secondment", "start", "--id", "s-2027-001", "--person", "p-0001", "--agreement", "cnrs-jrc-mou-2026",
            "--host-institution", "jrc", "--host-site", "ispra", "--mode", "detachment", "--domain", "nuclear",
            "--start", "2027-03-01", "--planned-end", "2027-04-30",
        ])
        try ledger.accord([
            "expertise", "record", "--id", "x-2026-001", "--agreement", "cnrs-jrc-mou-2026", "--delivered-on",
            "2026-05-04", "--person", "p-0001", "--policy-area", "energy security", "--axis", "impact", "--summary",
            "briefing", "--domain", "nuclear",
        ])

        let page = ledger.folder.file("report.html")
        let written = try ledger.accord(["report", "--html", page, "--year", "2026", "--json"])
        XCTAssertTrue(written.standardOutput.contains("\"ispra\""), written.standardOutput)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertFalse(html.contains("<script"), "the title must be escaped, not markup")
        XCTAssertTrue(html.contains("&lt;script&gt;document.title=&#39;x&#39;&lt;/script&gt; &amp; co"))
        for reference in ["src=", "href=", "@import", "url("] {
            XCTAssertFalse(
                html.contains(reference),
                "the page must load nothing from elsewhere, yet holds \(reference)"
            )
        }

        // An existing file is kept unless --force is given.
        let refused = try ledger.cli.run(["report", "--html", page, "--year", "2025"])
        XCTAssertEqual(refused.exitCode, 2, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("already exists"), refused.standardError)
        XCTAssertEqual(try String(contentsOfFile: page, encoding: .utf8), html)
        try ledger.accord(["report", "--html", page, "--year", "2026", "--force"])

        let profile = ledger.folder.file("chromium-profile")
        let browser = [
            HTMLReportTests.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--user-data-dir=\(profile)", "--window-size=1200,1600",
        ]
        let screenshot = ledger.folder.file("report.png")
        var shooter = ledger.cli
        shooter.wrapper = browser + ["--screenshot=\(screenshot)", "file://\(page)"]
        let shot = try shooter.runWithoutSocket()
        XCTAssertEqual(shot.exitCode, 0, shot.standardError)
        let colours = try distinctColours(ofPNG: screenshot, in: ledger)
        XCTAssertGreaterThan(colours, 1, "the screenshot is blank (\(colours) colour)")

        var dumper = ledger.cli
        dumper.wrapper = browser + ["--dump-dom", "file://\(page)"]
        let dom = try dumper.runWithoutSocket()
        XCTAssertEqual(dom.exitCode, 0, dom.standardError)
        let tree = dom.standardOutput
        // Ispra: s-2026-001 and s-2026-002 (not the one of 2027); Petten: g-2026-001. Both agreements on Ispra's
        // chart, the first one on Petten's.
        XCTAssertEqual(occurrences(of: "class=\"bar secondment\"", in: tree), 2, tree)
        XCTAssertEqual(occurrences(of: "class=\"bar grant\"", in: tree), 1, tree)
        XCTAssertEqual(occurrences(of: "class=\"bar agreement\"", in: tree), 3, tree)
        XCTAssertEqual(occurrences(of: "<section class=\"site\"", in: tree), 2, tree)
        // By domain: energy and nuclear; one flow (cnrs to jrc); the three axes.
        XCTAssertEqual(occurrences(of: "<tr class=\"figure-row\"", in: tree), 2 + 1 + 3, tree)
        XCTAssertEqual(occurrences(of: "<tr class=\"agreement-row\"", in: tree), 3, tree)
        XCTAssertFalse(tree.contains("<script"), "the browser built a script element from the data")

        // One site only.
        let single = ledger.folder.file("petten.html")
        try ledger.accord(["report", "--html", single, "--year", "2026", "--site", "petten"])
        let petten = try String(contentsOfFile: single, encoding: .utf8)
        XCTAssertEqual(occurrences(of: "<section class=\"site\"", in: petten), 1)
        XCTAssertTrue(petten.contains("id=\"site-petten\""))
        let unknown = try ledger.cli.run(["report", "--html", ledger.folder.file("none.html"), "--site", "nowhere"])
        XCTAssertEqual(unknown.exitCode, 1, unknown.standardError)
        XCTAssertTrue(unknown.standardError.contains("\"nowhere\""), unknown.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ledger.folder.file("none.html")))
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The number of distinct pixel values in a PNG, decoded by Python's zlib (the PNG filters undone here).
    private func distinctColours(ofPNG path: String, in ledger: LedgerFixture) throws -> Int {
        var decoder = ledger.cli
        decoder.wrapper = ["/usr/bin/python3", "-c", HTMLReportTests.pngColours, path]
        let result = try decoder.runWithoutSocket()
        XCTAssertEqual(result.exitCode, 0, result.standardError)
        return Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    static let pngColours = """
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
        offset, idat = 8, b''
        while offset < len(data):
            length, kind = struct.unpack('>I4s', data[offset:offset + 8])
            body = data[offset + 8:offset + 8 + length]
            if kind == b'IHDR':
                width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            elif kind == b'IDAT':
                idat += body
            offset += 12 + length
        assert depth == 8 and colour in (2, 6), 'unexpected PNG format'
        channels = 3 if colour == 2 else 4
        raw = zlib.decompress(idat)
        stride = width * channels
        previous = bytearray(stride)
        colours = set()
        for row in range(height):
            start = row * (stride + 1)
            kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up = previous[i]
                corner = previous[i - channels] if i >= channels else 0
                if kind == 1: line[i] = (line[i] + left) & 255
                elif kind == 2: line[i] = (line[i] + up) & 255
                elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
                elif kind == 4:
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
            colours.update(bytes(line[i:i + channels]) for i in range(0, stride, channels))
            previous = line
        print(len(colours))
        """
}
