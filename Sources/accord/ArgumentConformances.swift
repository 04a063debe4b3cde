import AccordDomain
import ArgumentParser

extension BusinessDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard let date = try? BusinessDate(argument) else { return nil }
        self = date
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}

extension AgreementKind: ExpressibleByArgument {}
extension SecondmentMode: ExpressibleByArgument {}
extension GranteeKind: ExpressibleByArgument {}
extension ProjectKind: ExpressibleByArgument {}
extension Axis: ExpressibleByArgument {}
extension InstitutionKind: ExpressibleByArgument {}
extension AgreementStatus: ExpressibleByArgument {}
extension SecondmentStatus: ExpressibleByArgument {}

extension BusinessDate {
    /// Parses a date option with the domain's own message ("month 2 of 2026 has 28 days") on a bad value.
    static func argument(_ text: String) throws -> BusinessDate {
        do {
            return try BusinessDate(text)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
