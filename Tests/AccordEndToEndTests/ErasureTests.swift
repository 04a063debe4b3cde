import AccordAPI
import AccordDomain
import Foundation
import XCTest

/// `accord person erase`: the name leaves the data folder for good, the erasure is recorded with who, when, why and
/// the legal basis, and every hash, checkpoint and proof made before it still verifies.
final class ErasureTests: XCTestCase {
    func testAnErasedNameIsGoneFromTheDataFolderAndTheLogStillVerifies() async throws {
        let ledger = try LedgerFixture()
        try await ledger.start()
        try ledger.recordPartnership()
        try ledger.accord(["checkpoint", "--sign"])
        let key = try ledger.accord(["key"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let proof = ledger.folder.file("registration.proof")
        try ledger.accord(["prove", "6", "--output", proof])
        XCTAssertFalse(try filesHolding("Camille", in: ledger.dataDirectory).isEmpty, "the name is there to erase")

        let erased = try ledger.accord([
            "person", "erase", "p-0001", "--reason", "request of the person, 2026-11-30", "--legal-basis",
            "GDPR art. 17(1)(a)",
        ])
        XCTAssertTrue(
            erased.standardOutput.contains("recorded PersonalDataErased at position 9"),
            erased.standardOutput
        )
        XCTAssertEqual(try filesHolding("Camille", in: ledger.dataDirectory), [])

        let history = try JSONCoding.decoder.decode(
            PersonHistoryResponse.self,
            from: Data(try ledger.accord(["person", "history", "p-0001", "--json"]).standardOutput.utf8)
        )
        XCTAssertEqual(history.personalDataStatus, .erased)
        XCTAssertNil(history.personalData)
        let erasure = try XCTUnwrap(history.history.person.erasure)
        XCTAssertEqual(erasure.position, 9)
        XCTAssertEqual(erasure.reason, "request of the person, 2026-11-30")
        XCTAssertEqual(erasure.legalBasis, "GDPR art. 17(1)(a)")
        XCTAssertEqual(erasure.erasedBy, String(cString: getpwuid(getuid())!.pointee.pw_name), "who: the Unix user")
        XCTAssertTrue(
            history.history.timeline.contains { $0.event == "PersonalDataErased" },
            "\(history.history.timeline)"
        )
        let day = String(RecordedTime.format(erasure.erasedAt).prefix(10))
        let table = try ledger.accord(["person", "history", "p-0001"]).standardOutput
        XCTAssertTrue(table.contains("(erased on \(day) at #9)"), table)
        XCTAssertTrue(try ledger.accord(["person", "list"]).standardOutput.contains("(erased on \(day) at #9)"))
        XCTAssertEqual(try ledger.accord(["secondment", "show", "s-2026-001", "--json"]).exitCode, 0, "facts stay")

        let again = try ledger.cli.run(["person", "erase", "p-0001", "--reason", "twice", "--legal-basis", "none"])
        XCTAssertNotEqual(again.exitCode, 0)
        XCTAssertTrue(again.standardError.contains("was already erased (position 9)"), again.standardError)
        let revived = try ledger.cli.run([
            "person", "register", "--id", "p-0001", "--home-institution", "cnrs", "--unit", "CNRS", "--name",
            "Camille Martin",
        ])
        XCTAssertNotEqual(revived.exitCode, 0, "an erased person's id is not registered again")
        XCTAssertTrue(revived.standardError.contains("already exists"), revived.standardError)
        let retracted = try ledger.cli.run(["retract", "--position", "9", "--reason", "undo"])
        XCTAssertTrue(retracted.standardError.contains("cannot be retracted"), retracted.standardError)
        XCTAssertEqual(try filesHolding("Camille", in: ledger.dataDirectory), [], "refusals store nothing")

        try ledger.accord(["checkpoint", "--sign"])
        let verified = try ledger.cli.run(["verify"])
        XCTAssertEqual(verified.exitCode, 0, verified.standardError + verified.standardOutput)
        let proved = try ledger.cli.run(["verify", "--proof", proof, "--key", key])
        XCTAssertEqual(
            proved.exitCode,
            0,
            "a proof made before the erasure: \(proved.standardError)\(proved.standardOutput)"
        )
        try await ledger.restart()
        XCTAssertEqual(try ledger.cli.run(["verify"]).exitCode, 0)
        XCTAssertTrue(try ledger.accord(["person", "history", "p-0001"]).standardOutput.contains("(erased on \(day)"))
        XCTAssertEqual(try filesHolding("Camille", in: ledger.dataDirectory), [])
    }
}
