/// The file of every checkpoint a log issued (docs/log-format.md section 17): oldest first, each signed note
/// exactly as stored, each followed by one empty line. A note's text and signature lines hold no empty line, so
/// the file is blocks separated by single empty lines, alternately a note's text and its signature lines.
public enum CheckpointFile {
    /// What one note adds at the end of the file.
    public static func entry(_ note: SignedNote) -> String {
        note.serialized + "\n"
    }

    /// Every note of the file, in order, with the byte offset where each starts; an error names the checkpoint
    /// (1-based) and its byte offset.
    public static func notes(in text: String) throws -> [(offset: Int, note: SignedNote)] {
        guard !text.isEmpty else { return [] }
        guard text.hasSuffix("\n\n") else {
            throw ProofError(
                code: .malformed,
                message: "the checkpoint file does not end with an empty line: its last note is cut short"
            )
        }
        let blocks = text.dropLast(2).split(separator: "\n\n", omittingEmptySubsequences: false)
        var notes: [(offset: Int, note: SignedNote)] = []
        var offset = 0
        var index = 0
        while index < blocks.count {
            let number = notes.count + 1
            guard index + 1 < blocks.count else {
                throw ProofError(
                    code: .malformed,
                    message:
                        "checkpoint \(number) at byte offset \(offset) of the checkpoint file has no signature lines"
                )
            }
            let note = blocks[index] + "\n\n" + blocks[index + 1] + "\n"
            do {
                notes.append((offset, try SignedNote(parsing: String(note))))
            } catch let error as ProofError {
                throw ProofError(
                    code: error.code,
                    message: "checkpoint \(number) at byte offset \(offset) of the checkpoint file: \(error.message)",
                    line: error.line
                )
            }
            offset += note.utf8.count + 1
            index += 2
        }
        return notes
    }
}
