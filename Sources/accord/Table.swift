/// A table for people: cells escaped (VisibleText), measured in terminal columns (DisplayWidth), fitted to a width
/// by truncating the widest columns with `…`, and written without trailing spaces.
struct Table {
    var titles: [String]
    var rows: [[String]]

    static let separator = " "
    static let ellipsis: Character = "…"
    /// Narrowest a cut column gets: a date stays whole, an id keeps enough to be recognised.
    static let minimumColumnWidth = 10

    /// The table's lines, at most `maximumWidth` columns wide when given (no column is cut below its title or
    /// `minimumColumnWidth`, so a very narrow terminal can still get wider lines); every cell whole without a width.
    func lines(maximumWidth: Int?) -> [String] {
        let cells = rows.map { $0.map { VisibleText.escaped($0) } }
        let natural = titles.indices.map { column in
            cells.reduce(DisplayWidth.of(titles[column])) { max($0, DisplayWidth.of($1[column])) }
        }
        let widths = maximumWidth.map { fitted(natural, into: $0) } ?? natural
        let header = [titles, widths.map { String(repeating: "-", count: $0) }]
        return (header + cells).map { line($0, widths: widths) }
    }

    /// Caps the columns at one common width, the largest that fits, so the widest columns give way first and
    /// narrow ones (dates, short ids) stay whole.
    private func fitted(_ natural: [Int], into maximumWidth: Int) -> [Int] {
        let available = maximumWidth - Table.separator.count * (natural.count - 1)
        let minimum = titles.indices.map {
            min(natural[$0], max(DisplayWidth.of(titles[$0]), Table.minimumColumnWidth))
        }
        func widths(cap: Int) -> [Int] { natural.indices.map { max(min(natural[$0], cap), minimum[$0]) } }
        guard natural.reduce(0, +) > available else { return natural }
        var low = 0
        var high = natural.max() ?? 0
        while low < high {
            let cap = (low + high + 1) / 2
            if widths(cap: cap).reduce(0, +) <= available { low = cap } else { high = cap - 1 }
        }
        return widths(cap: low)
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        let padded = cells.indices.map { column in
            let cell = Table.truncated(cells[column], to: widths[column])
            return cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
        }
        var text = padded.joined(separator: Table.separator)
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The cell cut at a grapheme boundary so that it and the ellipsis fit `width` columns.
    static func truncated(_ cell: String, to width: Int) -> String {
        guard DisplayWidth.of(cell) > width else { return cell }
        var result = ""
        var used = 0
        for character in cell {
            let next = DisplayWidth.of(character)
            guard used + next <= width - 1 else { break }
            result.append(character)
            used += next
        }
        result.append(ellipsis)
        return result
    }
}
