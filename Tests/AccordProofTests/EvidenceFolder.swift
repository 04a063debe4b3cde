import AccordLog
import AccordProof
import Crypto
import Foundation

/// An evidence folder as docs/log-format.md section 17 lays it out, written by the test: the example log by
/// Accord's writer, checkpoints signed by this module, two witnesses (CNRS and JRC) and a policy needing both.
struct EvidenceFolder {
    static let origin = "accord.example.org/ledger"

    let folder: TemporaryFolder
    let log = try! NoteSigner(name: origin, privateKey: .init())
    let cnrs = try! CosignatureSigner(name: "witness.cnrs.example", privateKey: .init())
    let jrc = try! CosignatureSigner(name: "witness.jrc.example", privateKey: .init())
    private(set) var records: [Record] = []

    var path: String { folder.path }

    init(drafts: [RecordDraft] = ExampleLog.drafts) throws {
        folder = try TemporaryFolder()
        records = try ExampleLog.write(drafts, to: folder.file("ledger.log"))
        try log.verifierKey.appending("\n").write(toFile: folder.file("log.key"), atomically: true, encoding: .utf8)
        try writePolicy(quorum: "partners")
        try FileManager.default.copyItem(atPath: "\(Repository.root)/docs/verify.py", toPath: folder.file("verify.py"))
    }

    func writePolicy(quorum: String) throws {
        let policy = """
            log \(log.verifierKey)
            witness cnrs \(cnrs.verifierKey)
            witness jrc \(jrc.verifierKey)
            group partners all cnrs jrc
            quorum \(quorum)

            """
        try policy.write(toFile: folder.file("policy"), atomically: true, encoding: .utf8)
    }

    /// The checkpoint of the log's first `size` records.
    func checkpoint(size: Int, origin: String = origin) -> Checkpoint {
        let leaves = records[..<size].map { MerkleTree.leafHash(entry: $0.hash) }
        return Checkpoint(origin: origin, size: UInt64(size), root: MerkleTree.root(leafHashes: leaves))
    }

    /// A signed checkpoint of `size` records, cosigned by the given witnesses.
    func note(size: Int, cosigners: [CosignatureSigner]) throws -> SignedNote {
        let body = checkpoint(size: size)
        var note = try body.signed(by: log)
        for witness in cosigners {
            note = note.adding(try witness.cosign(checkpoint: body, timestampSeconds: 1_767_693_700))
        }
        return note
    }

    /// Writes the checkpoints file: each note followed by an empty line.
    func writeCheckpoints(_ notes: [SignedNote]) throws {
        try notes.map(CheckpointFile.entry).joined()
            .write(toFile: folder.file("checkpoints"), atomically: true, encoding: .utf8)
    }

    func replaceLog(with bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: folder.file("ledger.log")))
    }

    var logBytes: [UInt8] { Array(FileManager.default.contents(atPath: folder.file("ledger.log"))!) }

    /// The byte offset of the record at `position` in ledger.log, found by walking the frame lengths.
    func offset(of position: Int) -> Int {
        let bytes = logBytes
        var offset = 32
        for _ in 1..<position {
            offset += bytes[(offset + 4)..<(offset + 8)].reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        return offset
    }

    /// Runs the folder's own copy of verify.py on it.
    func verify(_ arguments: [String] = []) throws -> Python.Outcome {
        try Python.run([folder.file("verify.py"), path] + arguments)
    }
}
