import ArgumentParser

/// Finds a mistyped subcommand on a command line that did not parse, and the subcommand meant, so the user reads
/// "unknown command" with a suggestion instead of argument-parser's "unexpected argument".
enum SubcommandSuggestion {
    /// The failure for the first word that is not a subcommand where one was expected; nil when every word up to
    /// the first plain argument names a subcommand (the parse failed for another reason).
    static func failure(
        arguments: some Sequence<String>,
        root: any ParsableCommand.Type = Accord.self
    ) -> CommandFailure? {
        var command = root
        var path = [root._commandName]
        var words = arguments.makeIterator()
        while let word = words.next() {
            if word.hasPrefix("-") {
                if GlobalOptions.optionsTakingValues.contains(word) { _ = words.next() }
                continue
            }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.map { $0._commandName }
            var message = "\(path.joined(separator: " ")): unknown command \"\(word)\""
            if let nearest = nearest(to: word, among: names) {
                message += "; did you mean \"\(nearest)\"?"
            } else {
                message += "; the commands are \(names.joined(separator: ", "))"
            }
            message += " (see `\(path.joined(separator: " ")) --help`)"
            return CommandFailure(code: .unknownSubcommand, message: message)
        }
        return nil
    }

    /// The name closest to `word` by edit distance, when close enough to be a typo (or `word` is its prefix).
    static func nearest(to word: String, among names: [String]) -> String? {
        if let prefixed = names.first(where: { $0.hasPrefix(word) && word.count >= 2 }) { return prefixed }
        let scored = names.map { (name: $0, distance: editDistance(word, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= max(1, best.name.count / 3) ? best.name : nil
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ first: String, _ second: String) -> Int {
        let first = Array(first)
        let second = Array(second)
        var previous = Array(0...second.count)
        for (row, character) in first.enumerated() {
            var current = [row + 1]
            for column in second.indices {
                let substitution = previous[column] + (character == second[column] ? 0 : 1)
                current.append(min(substitution, previous[column + 1] + 1, current[column] + 1))
            }
            previous = current
        }
        return previous[second.count]
    }
}
