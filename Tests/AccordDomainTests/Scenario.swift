import Foundation
import XCTest

@testable import AccordDomain

/// Given events / when command / then events or rejection, the shape every decider test takes.
struct Scenario {
    private(set) var state = LedgerState.initial

    init(_ events: [Event]) {
        for event in events {
            record(event)
        }
    }

    /// A scenario on a state built otherwise (a `RandomHistory`'s).
    init(state: LedgerState) {
        self.state = state
    }

    /// Records events after checking that each passes the rules at its place, so fixtures cannot tell an
    /// impossible story.
    init(checked events: [Event], file: StaticString = #filePath, line: UInt = #line) {
        for event in events {
            do throws(Rejection) {
                try event.checkFields()
                try state.check(event)
            } catch {
                XCTFail("fixture \(event.typeName) breaks a rule: \(error.message)", file: file, line: line)
            }
            record(event)
        }
    }

    /// Records `event` at the next position, as the engine would after the log appended it.
    mutating func record(_ event: Event) {
        let position = (state.lastPosition ?? 0) + 1
        state.evolve(
            RecordedEvent(
                position: position,
                recordedAt: Date(timeIntervalSince1970: 1_767_657_600 + Double(position)),
                author: Author(userID: 1000, name: "liaison"),
                event: event
            )
        )
    }

    func when(_ command: Command, expectedVersion: UInt64? = nil, historyCheck: HistoryCheck? = nil) -> Outcome {
        let context = CommandContext(
            recordedAt: Date(timeIntervalSince1970: 1_800_000_000),
            author: Author(userID: 1000, name: "liaison")
        )
        do throws(Rejection) {
            return Outcome(
                result: .success(
                    try state.decide(
                        command,
                        expectedVersion: expectedVersion,
                        context: context,
                        historyCheck: historyCheck
                    )
                )
            )
        } catch {
            return Outcome(result: .failure(error))
        }
    }

    /// The scenario after `command` was decided and its events recorded; fails the test if it was refused.
    func after(_ command: Command, file: StaticString = #filePath, line: UInt = #line) -> Scenario {
        var next = self
        switch when(command).result {
        case .success(let events):
            events.forEach { next.record($0) }
        case .failure(let rejection):
            XCTFail("\(command.commandName) refused: \(rejection.code): \(rejection.message)", file: file, line: line)
        }
        return next
    }
}

struct Outcome {
    var result: Result<[Event], Rejection>

    func then(_ expected: [Event], file: StaticString = #filePath, line: UInt = #line) {
        switch result {
        case .success(let events):
            XCTAssertEqual(events, expected, file: file, line: line)
        case .failure(let rejection):
            XCTFail("expected events, got rejection \(rejection.code): \(rejection.message)", file: file, line: line)
        }
    }

    /// Asserts a refusal with `code` (and `field` when given), and that its message names what it is about.
    @discardableResult
    func thenRejected(
        code: String,
        field: String? = nil,
        kind: Rejection.Kind? = nil,
        mentioning fragments: [String] = [],
        file: StaticString = #filePath,
        line: UInt = #line
    ) -> Rejection? {
        switch result {
        case .success(let events):
            XCTFail("expected rejection \(code), got events \(events.map(\.typeName))", file: file, line: line)
            return nil
        case .failure(let rejection):
            XCTAssertEqual(rejection.code, code, rejection.message, file: file, line: line)
            if let field {
                XCTAssertEqual(rejection.field, field, rejection.message, file: file, line: line)
            }
            if let kind {
                XCTAssertEqual(rejection.kind, kind, file: file, line: line)
            }
            for fragment in fragments {
                XCTAssertTrue(
                    rejection.message.contains(fragment),
                    "\"\(rejection.message)\" does not mention \"\(fragment)\"",
                    file: file,
                    line: line
                )
            }
            return rejection
        }
    }
}

func given(_ events: [Event]) -> Scenario {
    Scenario(events)
}

/// A business date from a literal known to be valid.
func day(_ text: String) -> BusinessDate {
    do {
        return try BusinessDate(text)
    } catch {
        preconditionFailure("test date \(text) is invalid: \(error.message)")
    }
}
