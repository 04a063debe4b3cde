import AccordDomain
import ArgumentParser

struct FiguresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Figures: mobility flows between institutions, activity per domain and per JRC axis, per year."
    )

    @Option(help: "Only this year.")
    var year: Int?
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let year, !(1900...2200).contains(year) { throw ValidationError("--year must be between 1900 and 2200") }
    }

    func run() async throws {
        let figures = try await asOf.read(
            "/v1/figures",
            query: [("year", year.map(String.init))],
            as: Figures.self,
            global: global
        )
        if global.json { return try Console.printJSON(figures) }
        print(Console.emphasis("Mobility (secondments started)"))
        Console.printTable(
            ["YEAR", "FROM", "TO", "SECONDMENTS"],
            figures.mobilityFlows.map {
                [String($0.year), $0.homeInstitution, $0.hostInstitution, String($0.secondmentsStarted)]
            },
            empty: "none",
            width: global.tableWidth
        )
        print()
        print(Console.emphasis("Activity per domain"))
        Console.printTable(
            ["YEAR", "DOMAIN", "SECONDMENTS", "GRANTS", "MEETINGS", "PROJECTS", "EXPERTISE"],
            figures.activityByDomain.map {
                [String($0.year), $0.domain]
                    + [
                        $0.activity.secondments, $0.activity.accessGrants, $0.activity.meetings, $0.activity.projects,
                        $0.activity.expertise,
                    ].map(String.init)
            },
            empty: "none",
            width: global.tableWidth
        )
        print()
        print(Console.emphasis("All activity per year (with or without a domain)"))
        Console.printTable(
            ["YEAR", "SECONDMENTS", "GRANTS", "MEETINGS", "PROJECTS", "EXPERTISE"],
            figures.totals.map { total in
                let counts = total.activity
                return [
                    total.year, counts.secondments, counts.accessGrants, counts.meetings, counts.projects,
                    counts.expertise,
                ]
                .map(String.init)
            },
            empty: "none",
            width: global.tableWidth
        )
        print()
        print(Console.emphasis("Expertise per axis"))
        Console.printTable(
            ["YEAR", "AXIS", "EXPERTISE"],
            figures.activityByAxis.map { [String($0.year), $0.axis.words, String($0.expertise)] },
            empty: "none",
            width: global.tableWidth
        )
    }
}
