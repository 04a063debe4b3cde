/// A command name that this version of Accord does not know.
public struct CommandDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: String
    public var commandName: String
    public var message: String

    public init(unknownCommandName commandName: String) {
        self.code = "unknown_command"
        self.commandName = commandName
        self.message =
            "command \"\(commandName)\" is not known to this version of Accord; "
            + "known commands are \(Command.commandNames.joined(separator: ", "))"
    }

    public var description: String { message }
}
