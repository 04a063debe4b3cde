import Metrics
import Prometheus

/// The daemon's metrics backend: swift-metrics handlers kept in one Prometheus registry, which `GET /v1/metrics`
/// writes out. Bootstrapped once, before anything records.
enum DaemonMetrics {
    static let registry = PrometheusCollectorRegistry()

    /// From a page-cache fdatasync (tens of microseconds) to a disk that hangs (seconds).
    static let durationBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
        .microseconds(2_500), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2_500), .seconds(5),
        .seconds(10),
    ]
    /// Records per fdatasync: 1 when appends come one at a time, up to a whole batch (1,000) or more when grouped.
    static let groupCommitBuckets: [Double] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000]

    static func bootstrap() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = durationBuckets
        factory.defaultValueHistogramBuckets = groupCommitBuckets
        MetricsSystem.bootstrap(factory)
    }
}
