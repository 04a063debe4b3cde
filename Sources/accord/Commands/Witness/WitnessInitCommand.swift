import AccordProof
import AccordTransparency
import ArgumentParser

struct WitnessInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a witness folder: its cosigning key (0600), its name and the log key it follows."
    )

    @Option(name: .customLong("state"), help: ArgumentHelp("The witness's folder (created 0700).", valueName: "dir"))
    var state: String

    @Option(
        name: .customLong("name"),
        help: ArgumentHelp("The witness's key name, e.g. witness.cnrs.fr (no spaces or +).", valueName: "name")
    )
    var name: String

    @Option(
        name: .customLong("log-key"),
        help: ArgumentHelp(
            "The log's verifier key (as `accord key` prints it), or a file holding it.",
            valueName: "key"
        )
    )
    var logKey: String

    func run() async throws {
        let key: NoteVerifier
        do {
            key = try ProofInputs.logKey(logKey)
        } catch let failure as CommandFailure {
            throw CommandFailure(message: failure.message)
        }
        do {
            let witness = try WitnessState.create(directory: state, name: name, logKey: key)
            Console.standardError("witness \(name) created in \(state); give this policy line to the log's operator:")
            print("witness \(name) \(witness.signer.verifierKey)")
        } catch {
            throw CommandFailure(message: error.message)
        }
    }
}
