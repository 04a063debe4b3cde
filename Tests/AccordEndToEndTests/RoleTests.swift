import Foundation
import XCTest

/// Roles come from the kernel's word on each connection (SO_PEERCRED, SO_PEERGROUPS) and the policy: real users,
/// real groups, the real CLI run as them.
final class RoleTests: XCTestCase {
    private var accounts: LocalAccounts!
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        try XCTSkipUnless(LocalAccounts.available, "the role tests create users and groups, which needs root")
        accounts = LocalAccounts()
        folder = try TemporaryFolder()
        // Other users must reach the socket to meet the daemon's policy: the folder is traversable, the socket
        // writable by all (see docs/decisions/0003-roles.md).
        chmod(folder.path, 0o755)
    }

    override func tearDown() {
        accounts = nil
        folder = nil
    }

    private func startDaemon(_ arguments: [String] = []) async throws -> DaemonProcess {
        let daemon = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: arguments
        )
        try await daemon.start()
        chmod(daemon.socketPath, 0o666)
        return daemon
    }

    /// The CLI as `uid` with exactly `groups` as its supplementary groups (setpriv sets the kernel's list).
    private func accord(
        as user: (name: String, id: UInt32, groupID: UInt32),
        groups: [UInt32],
        _ arguments: [String],
        standardInput: String? = nil
    ) throws -> CommandResult {
        let groupOption =
            groups.isEmpty ? "--clear-groups" : "--groups=\(groups.map(String.init).joined(separator: ","))"
        return try cli(wrapper: ["/usr/bin/setpriv", "--reuid=\(user.id)", "--regid=\(user.groupID)", groupOption])
            .run(arguments, standardInput: standardInput)
    }

    private func cli(wrapper: [String] = []) -> CLIRunner {
        CLIRunner(socketPath: folder.file("accord.sock"), environment: ["HOME": "/nonexistent"], wrapper: wrapper)
    }

    private func register(_ id: String) -> [String] {
        ["institution", "register", "--id", id, "--name", "Institution \(id)", "--country", "FR", "--kind", "other"]
    }

    func testWithoutAPolicyFileTheDefaultGroupsGiveRolesAndOthersAreRefusedAtTheDoor() async throws {
        let readers = try accounts.group("accord-readers")
        let recorders = try accounts.group("accord-recorders")
        let auditors = try accounts.group("accord-auditors")
        let user = try accounts.user("acctest")
        let daemon = try await startDaemon()

        let stranger = try accord(as: user, groups: [], ["status"])
        XCTAssertNotEqual(stranger.exitCode, 0, stranger.standardOutput)
        XCTAssertTrue(stranger.standardError.contains("needs the role reader"), stranger.standardError)
        XCTAssertTrue(stranger.standardError.contains("accord-readers"), stranger.standardError)
        let logged = try await Deadline.poll(seconds: 10) {
            daemon.errors.contains("uid=\(user.id)") && daemon.errors.contains("refused")
        }
        XCTAssertTrue(logged, "a refusal is logged with the uid:\n\(daemon.errors)")
        XCTAssertTrue(daemon.errors.contains("pid="), daemon.errors)
        let whoami = try accord(as: user, groups: [], ["whoami", "--json"])
        XCTAssertEqual(whoami.exitCode, 0, whoami.standardError)
        XCTAssertEqual((whoami.json as? [String: Any])?["roles"] as? [String], [])
        XCTAssertEqual((whoami.json as? [String: Any])?["userName"] as? String, user.name)

        let reader = try accord(as: user, groups: [readers], ["status"])
        XCTAssertEqual(reader.exitCode, 0, reader.standardError)
        let readerWrites = try accord(as: user, groups: [readers], register("by-reader"))
        XCTAssertNotEqual(readerWrites.exitCode, 0)
        XCTAssertTrue(readerWrites.standardError.contains("needs the role recorder"), readerWrites.standardError)
        XCTAssertTrue(readerWrites.standardError.contains("accord-recorders"), readerWrites.standardError)

        let recorder = try accord(as: user, groups: [recorders], register("by-recorder"))
        XCTAssertEqual(recorder.exitCode, 0, recorder.standardError)
        // A batch appends like the commands it holds: it needs recorder too.
        let batch =
            #"{"command": "institution.register", "body": {"institutionID": "by-batch", "name": "B", "country": "FR", "kind": "other"}}"#
        let readerBatch = try accord(as: user, groups: [readers], ["batch", "-"], standardInput: batch)
        XCTAssertNotEqual(readerBatch.exitCode, 0)
        XCTAssertTrue(readerBatch.standardError.contains("needs the role recorder"), readerBatch.standardError)
        let recorderBatch = try accord(as: user, groups: [recorders], ["batch", "-"], standardInput: batch)
        XCTAssertEqual(recorderBatch.exitCode, 0, recorderBatch.standardError)
        let log = try accord(as: user, groups: [auditors], ["log", "--json"])
        XCTAssertEqual(log.exitCode, 0, log.standardError)
        XCTAssertTrue(log.standardOutput.contains("\"\(user.name)\""), "the event's author is the kernel's user")

        let root = try cli().run(["whoami", "--json"])
        XCTAssertEqual((root.json as? [String: Any])?["roles"] as? [String], ["admin"])
    }

    func testCheckpointRoutesFollowTheirKindAndReloadNeedsAdmin() async throws {
        let readers = try accounts.group("accord-readers")
        let auditors = try accounts.group("accord-auditors")
        let recorders = try accounts.group("accord-recorders")
        let user = try accounts.user("acctest")
        let daemon = try await startDaemon()
        XCTAssertEqual(try cli().run(register("before-checkpoint")).exitCode, 0)
        XCTAssertEqual(try cli().run(["checkpoint", "--sign"]).exitCode, 0)

        let latest = try accord(as: user, groups: [readers], ["checkpoint"])
        XCTAssertEqual(latest.exitCode, 0, "the latest checkpoint is a query: \(latest.standardError)")
        XCTAssertEqual(try accord(as: user, groups: [readers], ["key"]).exitCode, 0)
        let readerSigns = try accord(as: user, groups: [readers], ["checkpoint", "--sign"])
        XCTAssertNotEqual(readerSigns.exitCode, 0)
        XCTAssertTrue(readerSigns.standardError.contains("needs the role auditor"), readerSigns.standardError)
        let auditorSigns = try accord(as: user, groups: [auditors], ["checkpoint", "--sign"])
        XCTAssertEqual(auditorSigns.exitCode, 0, auditorSigns.standardError)

        for groups in [[readers], [recorders, auditors]] {
            let reload = try accord(as: user, groups: groups, ["reload"])
            XCTAssertNotEqual(reload.exitCode, 0, "only admin reloads")
            XCTAssertTrue(reload.standardError.contains("needs the role admin"), reload.standardError)
        }
        let rootReloads = try cli().run(["reload"])
        XCTAssertEqual(rootReloads.exitCode, 0, "root is admin: \(rootReloads.standardError)")
        XCTAssertTrue(daemon.process.isRunning)
    }

    func testAnUnfinishedImportIsNamedOnlyToACallerWithTheRole() async throws {
        let readers = try accounts.group("accord-readers")
        let recorders = try accounts.group("accord-recorders")
        let user = try accounts.user("acctest")
        try FileManager.default.createDirectory(atPath: folder.file("data"), withIntermediateDirectories: true)
        let marker = #"{"lastHash":"\#(String(repeating: "a", count: 64))","lines":7}"#
        try Data(marker.utf8).write(to: URL(fileURLWithPath: folder.file("data/import-unfinished.json")))
        let daemon = try await startDaemon()
        let reader = try accord(as: user, groups: [readers], register("by-reader"))
        XCTAssertNotEqual(reader.exitCode, 0)
        XCTAssertTrue(reader.standardError.contains("needs the role recorder"), reader.standardError)
        XCTAssertFalse(reader.standardError.contains("import"), "a caller without the role learns nothing of it")
        let recorder = try accord(as: user, groups: [recorders], register("by-recorder"))
        XCTAssertNotEqual(recorder.exitCode, 0)
        XCTAssertTrue(recorder.standardError.contains("7-line export"), recorder.standardError)
        XCTAssertTrue(daemon.process.isRunning)
    }

    func testOnlyAdminErasesPersonalDataAndNotThroughABatch() async throws {
        let recorders = try accounts.group("accord-recorders")
        let user = try accounts.user("acctest")
        let daemon = try await startDaemon()
        XCTAssertEqual(try cli().run(register("cnrs")).exitCode, 0)
        let person = ["person", "register", "--id", "p-1", "--home-institution", "cnrs", "--unit", "u", "--name", "N"]
        XCTAssertEqual(try cli().run(person).exitCode, 0)
        let erase = ["person", "erase", "p-1", "--reason", "asked", "--legal-basis", "GDPR art. 17"]
        let recorderErases = try accord(as: user, groups: [recorders], erase)
        XCTAssertNotEqual(recorderErases.exitCode, 0)
        XCTAssertTrue(recorderErases.standardError.contains("needs the role admin"), recorderErases.standardError)
        let batch = #"{"command": "person.erase", "body": {"personID": "p-1", "reason": "r", "legalBasis": "b"}}"#
        let batchFile = folder.file("erase.jsonl")
        try Data((batch + "\n").utf8).write(to: URL(fileURLWithPath: batchFile))
        chmod(batchFile, 0o644)
        let batched = try accord(as: user, groups: [recorders], ["batch", batchFile])
        XCTAssertNotEqual(batched.exitCode, 0)
        XCTAssertTrue(batched.standardError.contains("not taken in a batch"), batched.standardError)
        let rootErases = try cli().run(erase)
        XCTAssertEqual(rootErases.exitCode, 0, "root is admin: \(rootErases.standardError)")
        XCTAssertTrue(daemon.process.isRunning)
    }

    func testGroupsFromTheUserDatabaseCountForALoginSession() async throws {
        let auditors = "accord-auditors"
        _ = try accounts.group(auditors)
        let user = try accounts.user("acctest")
        try accounts.addToGroup(user: user.name, group: auditors)
        let daemon = try await startDaemon()
        // runuser starts a session with the groups the database lists, as a login does.
        let whoami = try cli(wrapper: ["/usr/sbin/runuser", "-u", user.name, "--"]).run(["whoami", "--json"])
        XCTAssertEqual((whoami.json as? [String: Any])?["roles"] as? [String], ["auditor"], whoami.standardError)
        XCTAssertTrue(daemon.process.isRunning)
    }

    /// The kernel's list is read with its length: a lone gid 0 is a group, not an empty list, and a list longer
    /// than the first buffer (64) is read whole, not taken from the user database (which lists none of these).
    func testTheKernelsGroupListCountsALoneRootGroupAndMoreThanSixtyFourGroups() async throws {
        let user = try accounts.user("acctest")
        let many = (0..<70).map { UInt32(60_000 + $0) }
        let policy = folder.file("policy.conf")
        try "group 0 reader\ngroup \(many.last!) recorder\n".write(toFile: policy, atomically: true, encoding: .utf8)
        let daemon = try await startDaemon(["--policy", policy])

        let rootGroup = try accord(as: user, groups: [0], ["whoami", "--json"])
        XCTAssertEqual((rootGroup.json as? [String: Any])?["roles"] as? [String], ["reader"], rootGroup.standardOutput)
        XCTAssertEqual((rootGroup.json as? [String: Any])?["groups"] as? [String], ["root"], rootGroup.standardOutput)
        let none = try accord(as: user, groups: [], ["whoami", "--json"])
        XCTAssertEqual((none.json as? [String: Any])?["roles"] as? [String], [], none.standardOutput)
        let seventy = try accord(as: user, groups: many, ["whoami", "--json"])
        XCTAssertEqual((seventy.json as? [String: Any])?["roles"] as? [String], ["recorder"], seventy.standardOutput)
        XCTAssertEqual(((seventy.json as? [String: Any])?["groups"] as? [String])?.count, 70, seventy.standardOutput)
        XCTAssertTrue(daemon.process.isRunning)
    }

    func testAPolicyFileGrantsByUserAndGroupNamesItsBadLinesAndReloadsOnSIGHUP() async throws {
        let user = try accounts.user("acctest")
        let policy = folder.file("policy.conf")
        try "# who may do what\nuser \(user.name) recorder  # the registrar\n".write(
            toFile: policy,
            atomically: true,
            encoding: .utf8
        )
        let daemon = try await startDaemon(["--policy", policy])
        let recorded = try accord(as: user, groups: [], register("by-policy"))
        XCTAssertEqual(recorded.exitCode, 0, recorded.standardError)

        try "user \(user.name) reader\n".write(toFile: policy, atomically: true, encoding: .utf8)
        kill(daemon.process.processIdentifier, SIGHUP)
        let reloaded = try await Deadline.poll(seconds: 10) { daemon.errors.contains("configuration reloaded") }
        XCTAssertTrue(reloaded, daemon.errors)
        let refused = try accord(as: user, groups: [], register("after-reload"))
        XCTAssertNotEqual(refused.exitCode, 0)
        XCTAssertTrue(refused.standardError.contains("needs the role recorder"), refused.standardError)
        XCTAssertTrue(refused.standardError.contains(policy), "the refusal points at the policy file")

        try "user \(user.name) reader\ngroup no-such-group-here admin\n".write(
            toFile: policy,
            atomically: true,
            encoding: .utf8
        )
        kill(daemon.process.processIdentifier, SIGHUP)
        let kept = try await Deadline.poll(seconds: 10) { daemon.errors.contains("reload refused") }
        XCTAssertTrue(kept, daemon.errors)
        XCTAssertTrue(daemon.errors.contains("line 2"), daemon.errors)
        XCTAssertEqual(try accord(as: user, groups: [], ["status"]).exitCode, 0, "the running policy stays")
        let status = try await daemon.stop()
        XCTAssertEqual(status, 0)

        try "user \(user.name) writer\n".write(toFile: policy, atomically: true, encoding: .utf8)
        let refusedStart = try DaemonProcess(
            socketPath: folder.file("accord.sock"),
            dataDirectory: folder.file("data"),
            extraArguments: ["--policy", policy]
        )
        try refusedStart.process.run()
        let exited = try await Deadline.poll(seconds: 30) { !refusedStart.process.isRunning }
        XCTAssertTrue(exited)
        XCTAssertEqual(refusedStart.process.terminationStatus, 78, "a bad policy is a configuration error")
        XCTAssertTrue(refusedStart.errors.contains("line 1: unknown role \"writer\""), refusedStart.errors)
    }
}
