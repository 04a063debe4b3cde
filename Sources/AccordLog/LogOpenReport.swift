import AccordProof
import SystemPackage

/// What `LogWriter.open` found and did, for one clear log line at start.
public struct LogOpenReport: Sendable, Equatable, CustomStringConvertible {
    public var path: FilePath
    /// True if the file did not exist and was created.
    public var created: Bool
    /// The last record, verified.
    public var head: ChainHead
    /// File size after recovery.
    public var fileBytes: UInt64
    /// Set if a torn record was moved aside.
    public var tornTail: TornTailRecovery?
    /// The Merkle root over every verified record.
    public var treeRoot: TreeHash
    /// The first position where the tree file on disk disagreed with the log (it was rewritten from the log).
    public var treeFileDisagreement: UInt64?

    public var description: String {
        var text =
            created
            ? "created the log \(path)"
            : "opened the log \(path): \(head.position) records verified, head \(head.hash), \(fileBytes) bytes"
        if let tornTail { text += "; \(tornTail)" }
        if let treeFileDisagreement {
            text += "; the tree file disagreed with the log from position \(treeFileDisagreement) and was rebuilt"
        }
        return text
    }
}
