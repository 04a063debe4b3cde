/// Percentiles of a set of latencies, read off the sorted samples.
struct LatencySummary {
    let sortedMicroseconds: [Double]

    init(_ samplesMicroseconds: [Double]) {
        sortedMicroseconds = samplesMicroseconds.sorted()
    }

    func percentile(_ fraction: Double) -> Double {
        guard !sortedMicroseconds.isEmpty else { return 0 }
        let index = Int((fraction * Double(sortedMicroseconds.count - 1)).rounded())
        return sortedMicroseconds[index]
    }

    var line: String {
        let formatted = [0.5, 0.9, 0.99, 1.0].map { fraction -> String in
            let label = fraction == 1.0 ? "max" : "p\(Int(fraction * 100))"
            return "\(label) \(String(format: "%.2f", percentile(fraction) / 1_000)) ms"
        }
        return formatted.joined(separator: ", ")
    }
}
