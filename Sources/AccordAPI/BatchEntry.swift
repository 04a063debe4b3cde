/// One command of `POST /v1/batch` (and one line of the file `accord batch` reads): the command's name as in
/// `CommandRoute` (e.g. `institution.register`), its body as the command's own route takes it, and optionally the
/// version its stream must have (what the `Accord-Expected-Version` header says for a single command).
public struct BatchEntry<Body: Encodable>: Encodable {
    public var command: String
    public var body: Body
    public var expectedVersion: UInt64?

    public init(command: String, body: Body, expectedVersion: UInt64? = nil) {
        self.command = command
        self.body = body
        self.expectedVersion = expectedVersion
    }
}
