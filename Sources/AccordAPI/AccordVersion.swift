/// The version reported by `/v1/status` and `--version`.
public enum AccordVersion {
    public static let current = "0.1.0"
}
