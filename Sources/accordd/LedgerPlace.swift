import AccordEngine
import AccordLog
import AccordPostgres
import Foundation
import Logging

/// Where `accordd copy` reads or writes a ledger: a data folder (its `ledger.log`) or a PostgreSQL database.
enum LedgerPlace: CustomStringConvertible {
    case folder(String)
    case postgresql(PostgresAddress)

    init(parsing text: String) throws(LogError) {
        if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") {
            self = .postgresql(try PostgresAddress(parsing: text))
        } else {
            self = .folder(text)
        }
    }

    var description: String {
        switch self {
        case .folder(let folder): "\(folder)/\(LedgerEngine.logFileName)"
        case .postgresql(let address): address.description
        }
    }

    /// Opens an existing ledger to read (a folder's log is verified as it opens and locked like a writer's, so that
    /// no accordd appends while it is copied).
    func openSource(password: String?, logger: Logger) async throws(LogError) -> any LedgerStore {
        switch self {
        case .folder(let folder):
            let path = "\(folder)/\(LedgerEngine.logFileName)"
            guard FileManager.default.fileExists(atPath: path) else {
                throw LogError(code: LogErrorCode.ioError, message: "\(folder) holds no \(LedgerEngine.logFileName) to copy")
            }
            return try FileLedgerStore.open(path: path, options: LogWriterOptions(), eachRecord: { _ in })
        case .postgresql(let address):
            return try await PostgresLedgerStore.open(address: address, password: password, readOnly: true, logger: logger)
        }
    }

    /// Opens a new, empty ledger to write; refuses one that holds records, so a copy never mixes two ledgers.
    func openDestination(password: String?, logger: Logger) async throws(LogError) -> any LedgerStore {
        let store: any LedgerStore
        switch self {
        case .folder(let folder):
            let path = "\(folder)/\(LedgerEngine.logFileName)"
            guard !FileManager.default.fileExists(atPath: path) else {
                throw LogError(
                    code: CopyCommand.destinationNotEmptyCode,
                    message: "\(path) exists: a copy goes to a folder without a ledger; choose another --to"
                )
            }
            do {
                try FileManager.default.createDirectory(
                    atPath: folder,
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o750]
                )
            } catch {
                throw LogError(code: LogErrorCode.ioError, message: "cannot create the folder \(folder): \(error)")
            }
            store = try FileLedgerStore.open(path: path, options: LogWriterOptions(), eachRecord: { _ in })
        case .postgresql(let address):
            store = try await PostgresLedgerStore.open(
                address: address,
                password: password,
                readOnly: false,
                logger: logger
            )
        }
        guard store.durableHead.position == 0 else {
            try? store.close()
            throw LogError(
                code: CopyCommand.destinationNotEmptyCode,
                message: "\(self) already holds \(store.durableHead.position) records: a copy goes to an empty "
                    + "ledger; choose another --to (or drop its table accord_ledger)"
            )
        }
        return store
    }
}
