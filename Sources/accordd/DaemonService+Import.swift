import AccordEngine
import AccordServer

extension DaemonService {
    /// The import through the API, with the marker of an unfinished one read from the data folder: until that import
    /// is finished, commands are refused. A marker that cannot be read stops the start (exit 65), since taking
    /// commands on a half-imported ledger would mix them into it.
    func importSession(
        engine: LedgerEngine,
        listening: EarlyListening,
        server: UnixSocketServer,
        gate: StartGate
    ) async throws -> ImportSession {
        do {
            let session = try ImportSession(dataDirectory: dataDirectory, engine: engine)
            if let file = session.unfinished {
                logger.warning(
                    "an import is unfinished: the ledger holds \(engine.head.position) of the \(file.lines) lines of the export whose last hash is \(file.lastHash); commands are refused until `accord import FILE` finishes it"
                )
            }
            return session
        } catch {
            logger.critical("cannot read the import marker: \(error.message)", metadata: ["code": "\(error.code)"])
            _ = try? engine.close()
            let refusal = DaemonError(
                code: error.code,
                message: error.message,
                cause: error,
                exitCode: DaemonError.dataExitCode,
                logged: true
            )
            if let serving = listening.abandon() { await stopServing(server, serving, gate: gate, refusal: refusal) }
            throw refusal
        }
    }
}
