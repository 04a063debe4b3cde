/// `GET /v1/metrics`: the daemon's counters and timings in the Prometheus text format (docs/operations.md).
public enum MetricsRoute {
    public static let path = "/v1/metrics"
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"
}
