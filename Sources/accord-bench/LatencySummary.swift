import Histogram

/// Latencies in microseconds, in an HDR histogram (3 significant digits, up to 10 minutes): percentiles without
/// keeping every sample.
struct LatencySummary: Sendable {
    private(set) var histogram = Histogram<UInt64>(
        highestTrackableValue: 600_000_000,
        numberOfSignificantValueDigits: .three
    )

    mutating func record(microseconds: UInt64) {
        _ = histogram.record(max(microseconds, 1))
    }

    mutating func add(_ other: LatencySummary) {
        histogram.add(other.histogram)
    }

    var count: UInt64 { histogram.totalCount }

    /// The latency at `percentile` (0 to 100), in milliseconds.
    func milliseconds(atPercentile percentile: Double) -> Double {
        Double(histogram.valueAtPercentile(percentile)) / 1_000
    }

    var maximumMilliseconds: Double { Double(histogram.max) / 1_000 }

    var line: String {
        let percentiles = [50.0, 90, 99, 99.9].map {
            "p\($0 == 99.9 ? "99.9" : String(Int($0))) \(format(milliseconds(atPercentile: $0))) ms"
        }
        return (percentiles + ["max \(format(maximumMilliseconds)) ms"]).joined(separator: ", ")
    }

    /// For `--json`: milliseconds at p50, p90, p99, p99.9 and the maximum.
    var report: [String: Double] {
        [
            "p50": milliseconds(atPercentile: 50), "p90": milliseconds(atPercentile: 90),
            "p99": milliseconds(atPercentile: 99), "p99_9": milliseconds(atPercentile: 99.9),
            "max": maximumMilliseconds,
        ]
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
