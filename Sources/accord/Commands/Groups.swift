import ArgumentParser

struct InstitutionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "institution",
        abstract: "Institutions: the parties to agreements.",
        subcommands: [InstitutionRegisterCommand.self, InstitutionListCommand.self]
    )

    @OptionGroup var global: GlobalOptions
}

struct SiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Sites of institutions (JRC Ispra, Geel, Petten…) and their facilities.",
        subcommands: [SiteRegisterCommand.self, SiteListCommand.self, SiteShowCommand.self]
    )

    @OptionGroup var global: GlobalOptions
}

struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreements: sign, extend, open domains, terminate, and see what is in force.",
        subcommands: [
            AgreementSignCommand.self, AgreementExtendCommand.self, AgreementAddDomainCommand.self,
            AgreementTerminateCommand.self, AgreementListCommand.self, AgreementShowCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "People: registration and their whole history with the partnership.",
        subcommands: [
            PersonRegisterCommand.self, PersonListCommand.self, PersonHistoryCommand.self, PersonEraseCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

struct SecondmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secondment",
        abstract: "Secondments: who is seconded where, under which agreement.",
        subcommands: [
            SecondmentStartCommand.self, SecondmentExtendCommand.self, SecondmentEndCommand.self,
            SecondmentListCommand.self, SecondmentShowCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

struct AccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Infrastructure access: who may enter which facility at which site, and when.",
        subcommands: [
            AccessGrantCommand.self, AccessRevokeCommand.self, AccessListCommand.self, AccessShowCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

struct MeetingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Meetings held under an agreement.",
        subcommands: [MeetingRecordCommand.self, MeetingListCommand.self]
    )

    @OptionGroup var global: GlobalOptions
}

struct ProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Joint projects under an agreement.",
        subcommands: [ProjectJoinCommand.self, ProjectEndCommand.self, ProjectListCommand.self]
    )

    @OptionGroup var global: GlobalOptions
}

struct ExpertiseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expertise",
        abstract: "Expertise delivered under an agreement.",
        subcommands: [ExpertiseRecordCommand.self, ExpertiseListCommand.self]
    )

    @OptionGroup var global: GlobalOptions
}
