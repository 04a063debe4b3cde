import AccordDomain

extension CorrectionMark {
    /// "corrected at #9 (signed a day later); corrected at #12 (…)", or nil when nothing was corrected, for the
    /// `corrections` row of a show command.
    static func text(_ marks: [CorrectionMark]) -> String? {
        guard !marks.isEmpty else { return nil }
        return marks.map { "corrected at #\($0.position) (\($0.reason))" }.joined(separator: "; ")
    }

    /// "corrected at #9, #12", or nil when nothing was corrected, for a table cell.
    static func positions(_ marks: [CorrectionMark]) -> String? {
        guard !marks.isEmpty else { return nil }
        return "corrected at " + marks.map { "#\($0.position)" }.joined(separator: ", ")
    }
}
