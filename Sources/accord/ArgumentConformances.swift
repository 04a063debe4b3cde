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
