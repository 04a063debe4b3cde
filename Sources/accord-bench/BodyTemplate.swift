import AccordAPI

/// A request body encoded once with a placeholder where each request's id goes, so that the benchmark's clients,
/// which share the machine's cores with the daemon, spend next to nothing making bodies (as pgbench prepares its
/// statement once). The ids put in must need no JSON escape.
struct BodyTemplate: Sendable {
    static let placeholder = "{id}"
    private let parts: [[UInt8]]

    init(_ body: some Encodable) throws {
        let bytes = Array(try JSONCoding.encoder.encode(body))
        let marker = Array(BodyTemplate.placeholder.utf8)
        var parts: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: marker) {
                parts.append([])
                index += marker.count
            } else {
                parts[parts.count - 1].append(bytes[index])
                index += 1
            }
        }
        self.parts = parts
    }

    func filled(with id: String) -> [UInt8] {
        Array(parts.joined(separator: Array(id.utf8)))
    }
}
