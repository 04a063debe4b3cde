import AccordEngine
import AccordProof
import AccordServer
import AccordTransparency
import Crypto
import Foundation
import Logging

extension DaemonService {
    /// The checkpoint signing key (credential or key file, created in the data folder at the first start), read
    /// before the ledger is opened. Both daemons of a PostgreSQL pair need the same one (docs/operations.md).
    func loadSigningKey() throws(DaemonError) -> Curve25519.Signing.PrivateKey {
        do {
            try LedgerEngine.prepareDataDirectory(dataDirectory)
        } catch {
            throw DaemonError(code: error.code, message: error.message, cause: error)
        }
        let keyFile = SigningKeyFile.locate(
            environment: ProcessInfo.processInfo.environment,
            dataDirectory: dataDirectory
        )
        do {
            let key = try keyFile.load()
            logger.info(
                "checkpoint signing key loaded",
                metadata: ["key": "\(keyFile.path)", "credential": "\(keyFile.isCredential)"]
            )
            return key
        } catch {
            throw checkpointRefusal(error)
        }
    }

    /// The data folder's checkpoint store, opened before the log so that the log can be checked against every
    /// checkpoint issued for it.
    func openCheckpoints(_ settings: CheckpointSettings, key: Curve25519.Signing.PrivateKey) throws(DaemonError)
        -> CheckpointIssuer
    {
        do {
            let issuer = try CheckpointIssuer(dataDirectory: dataDirectory, origin: settings.origin, privateKey: key)
            logger.info(
                "checkpoints read from the data folder",
                metadata: [
                    "verifier_key": "\(issuer.verifierKey)",
                    "latest_checkpoint_size": "\(issuer.latest.map { String($0.size) } ?? "none")",
                ]
            )
            return issuer
        } catch {
            throw checkpointRefusal(error)
        }
    }

    private func checkpointRefusal(_ error: TransparencyError) -> DaemonError {
        let exitCode =
            error.code == TransparencyErrorCode.checkpointStoreDamaged
            ? DaemonError.dataExitCode
            : error.code == TransparencyErrorCode.signingKeyExposed ? DaemonError.configurationExitCode : 1
        logger.critical("cannot use the checkpoints: \(error.message)", metadata: ["code": "\(error.code)"])
        return DaemonError(code: error.code, message: error.message, cause: error, exitCode: exitCode, logged: true)
    }

    /// The witness policy named by the configuration, if any.
    static func loadWitnessPolicy(_ settings: CheckpointSettings) throws(DaemonError) -> WitnessPolicy? {
        guard let path = settings.witnessPolicyFile else { return nil }
        guard let data = FileManager.default.contents(atPath: path), data.count <= WitnessPolicy.maximumBytes else {
            throw DaemonError(
                code: "bad_configuration",
                message: "witnessPolicyFile \(path) cannot be read or is larger than \(WitnessPolicy.maximumBytes) "
                    + "bytes",
                exitCode: DaemonError.configurationExitCode
            )
        }
        do {
            return try WitnessPolicy(parsing: String(decoding: data, as: UTF8.self))
        } catch {
            throw DaemonError(
                code: "bad_configuration",
                message: "witnessPolicyFile \(path): \(error)",
                cause: error,
                exitCode: DaemonError.configurationExitCode
            )
        }
    }

    /// Every checkpoint stored goes to the journal too, so the journal is a second, independent record of it.
    func journalCheckpoint(_ checkpoint: IssuedCheckpoint, reason: String) {
        logger.notice(
            "checkpoint stored (\(reason)): tree size \(checkpoint.size), root \(checkpoint.root.base64)",
            metadata: [
                "accord.checkpoint": "\(checkpoint.text)", "accord.tree_size": "\(checkpoint.size)",
                "accord.signers": "\(checkpoint.note.signatures.map(\.name).joined(separator: ","))",
            ]
        )
    }
}
