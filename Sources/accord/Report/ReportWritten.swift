/// What `accord report --json` prints once the page is in place.
struct ReportWritten: Encodable {
    let file: String
    let year: Int
    let sites: [String]
    let bytes: Int
}
