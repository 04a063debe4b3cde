import AccordAPI

/// What a verification checked and found, for people.
enum VerificationPrinter {
    static func print(_ report: VerificationReport) {
        Rows.printFields([
            ("records", "\(report.records) verified (CRC-32C, positions, hash chain)"),
            ("bytes", String(report.bytes)),
            ("root", report.root),
            ("checkpoints", "\(report.checkpointsChecked) checked"),
            ("latest checkpoint", report.latestCheckpointSize.map { "tree size \($0)" } ?? "none"),
            ("result", report.result),
        ])
        for finding in report.findings {
            var place: [String] = []
            if let position = finding.position { place.append("position \(position)") }
            if let offset = finding.offset { place.append("byte offset \(offset)") }
            let suffix = place.isEmpty ? "" : " (\(place.joined(separator: ", ")))"
            Swift.print("\(Console.emphasis(finding.grade.rawValue)) \(finding.code)\(suffix): \(finding.message)")
        }
    }
}
