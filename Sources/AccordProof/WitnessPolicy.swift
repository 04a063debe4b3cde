/// Which witnesses must cosign a checkpoint, in the line format of the Sigsum policy file (also used by C2SP
/// witnesses), with keys written as signed-note verifier keys:
///
///     log VKEY                      the log's key (type 0x01); optional, any number
///     witness NAME VKEY [URL]       a witness's cosignature key (type 0x04)
///     group NAME all|any|K MEMBER…  satisfied when all, one, or K of its members are
///     quorum NAME|none              exactly one: the witness or group that must be satisfied
///
/// Items are separated by white space, `#` starts a comment, and a name is used only after the line defining it.
public struct WitnessPolicy: Sendable {
    public struct Witness: Sendable, Equatable {
        public var name: String
        public var verifier: CosignatureVerifier
        public var url: String?
    }

    indirect enum Rule: Sendable {
        case none
        case witness(String)
        case group(threshold: Int, members: [Rule])
    }

    /// Larger policy files are refused before they are read.
    public static let maximumBytes = 65_536

    public private(set) var logs: [NoteVerifier] = []
    public private(set) var witnesses: [Witness] = []
    let quorum: Rule

    public init(parsing text: String) throws {
        guard text.utf8.count <= Self.maximumBytes else {
            throw ProofError(code: .tooLarge, message: "a policy is at most \(Self.maximumBytes) bytes")
        }
        var rules: [String: Rule] = [:]
        var quorum: Rule?
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = index + 1
            let words = rawLine.prefix { $0 != "#" }.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                .map(String.init)
            guard let keyword = words.first else { continue }
            func fail(_ message: String) -> ProofError {
                ProofError(code: .malformed, message: "policy line \(line): \(message)", line: line)
            }
            func newName(_ name: String) throws -> String {
                guard name != "none", rules[name] == nil else {
                    throw fail(
                        "the name '\(name)' is already defined (or is 'none'); give each witness and group its own"
                    )
                }
                return name
            }
            func rule(_ name: String) throws -> Rule {
                if name == "none" { return .none }
                guard let rule = rules[name] else {
                    throw fail("'\(name)' is not a witness or group defined on an earlier line")
                }
                return rule
            }
            switch keyword {
            case "log":
                guard words.count == 2 || words.count == 3 else { throw fail("write 'log VKEY [URL]'") }
                do { logs.append(try NoteVerifier(verifierKey: words[1])) } catch let error as ProofError {
                    throw fail(error.message)
                }
            case "witness":
                guard words.count == 3 || words.count == 4 else { throw fail("write 'witness NAME VKEY [URL]'") }
                let name = try newName(words[1])
                let verifier: CosignatureVerifier
                do { verifier = try CosignatureVerifier(verifierKey: words[2]) } catch let error as ProofError {
                    throw fail(error.message)
                }
                guard !witnesses.contains(where: { $0.verifier == verifier }) else {
                    throw fail("the key of witness '\(name)' is already another witness's")
                }
                witnesses.append(Witness(name: name, verifier: verifier, url: words.count == 4 ? words[3] : nil))
                rules[name] = .witness(name)
            case "group":
                guard words.count >= 4 else { throw fail("write 'group NAME all|any|K MEMBER...'") }
                let name = try newName(words[1])
                let members = try words[3...].map { member -> Rule in
                    guard member != "none" else { throw fail("'none' cannot be a group member") }
                    return try rule(member)
                }
                guard Set(words[3...]).count == members.count else { throw fail("a group lists each member once") }
                let threshold: Int
                switch words[2] {
                case "all": threshold = members.count
                case "any": threshold = 1
                default:
                    guard let number = Int(words[2]), (1...members.count).contains(number) else {
                        throw fail("the threshold '\(words[2])' is not all, any or a number from 1 to \(members.count)")
                    }
                    threshold = number
                }
                rules[name] = .group(threshold: threshold, members: members)
            case "quorum":
                guard words.count == 2 else { throw fail("write 'quorum NAME' or 'quorum none'") }
                guard quorum == nil else { throw fail("a policy has exactly one quorum line") }
                quorum = try rule(words[1])
            default:
                throw fail("unknown keyword '\(keyword)'; a line starts with log, witness, group or quorum")
            }
        }
        guard let quorum else {
            throw ProofError(
                code: .malformed,
                message: "the policy has no quorum line; add 'quorum NAME' (or 'quorum none' to require no witness)"
            )
        }
        self.quorum = quorum
    }

    /// Whether witnesses of these (policy) names cosigning satisfies the quorum.
    public func isSatisfied(by verifiedWitnessNames: Set<String>) -> Bool {
        Self.isSatisfied(quorum, by: verifiedWitnessNames)
    }

    /// The witnesses named in the quorum that have not cosigned, in policy order (empty when satisfied).
    public func missing(given verifiedWitnessNames: Set<String>) -> [String] {
        guard !isSatisfied(by: verifiedWitnessNames) else { return [] }
        var named: Set<String> = []
        Self.collect(quorum, into: &named)
        return witnesses.map(\.name).filter { named.contains($0) && !verifiedWitnessNames.contains($0) }
    }

    /// The policy's witnesses that validly cosigned the checkpoint of `note`, with their timestamps. A line that
    /// claims a policy witness but does not verify throws (the note was changed); other lines are skipped.
    public func cosigners(of note: SignedNote, checkpoint: Checkpoint) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for (index, signature) in note.signatures.enumerated() {
            guard let witness = witnesses.first(where: { $0.verifier.names(signature) }) else { continue }
            do {
                result[witness.name] = try witness.verifier.verify(signature, of: checkpoint)
            } catch var error as ProofError {
                error.line = note.textLineCount + 2 + index
                throw error
            }
        }
        return result
    }

    private static func isSatisfied(_ rule: Rule, by names: Set<String>) -> Bool {
        switch rule {
        case .none: true
        case .witness(let name): names.contains(name)
        case .group(let threshold, let members): members.filter { isSatisfied($0, by: names) }.count >= threshold
        }
    }

    private static func collect(_ rule: Rule, into names: inout Set<String>) {
        switch rule {
        case .none: break
        case .witness(let name): names.insert(name)
        case .group(_, let members): members.forEach { collect($0, into: &names) }
        }
    }
}
