/// Accumulates the counts behind `Figures`, keyed so that the result comes out sorted.
struct FiguresTally {
    private struct FlowKey: Hashable, Comparable {
        var year: Int
        var home: String
        var host: String

        static func < (left: FlowKey, right: FlowKey) -> Bool {
            (left.year, left.home, left.host) < (right.year, right.home, right.host)
        }
    }

    private struct DomainKey: Hashable, Comparable {
        var year: Int
        var domain: String

        static func < (left: DomainKey, right: DomainKey) -> Bool {
            (left.year, left.domain) < (right.year, right.domain)
        }
    }

    private struct AxisKey: Hashable, Comparable {
        var year: Int
        var axis: Axis

        static func < (left: AxisKey, right: AxisKey) -> Bool {
            (left.year, left.axis.rawValue) < (right.year, right.axis.rawValue)
        }
    }

    let onlyYear: Int?
    private var flows: [FlowKey: Int] = [:]
    private var domains: [DomainKey: ActivityCounts] = [:]
    private var axes: [AxisKey: Int] = [:]
    private var totals: [Int: ActivityCounts] = [:]

    init(onlyYear: Int?) {
        self.onlyYear = onlyYear
    }

    mutating func flow(year: Int, from home: String, to host: String) {
        guard wanted(year) else {
            return
        }
        flows[FlowKey(year: year, home: home, host: host), default: 0] += 1
    }

    mutating func count(_ activity: WritableKeyPath<ActivityCounts, Int>, year: Int, domain: String?) {
        guard wanted(year) else {
            return
        }
        totals[year, default: .zero][keyPath: activity] += 1
        if let domain {
            domains[DomainKey(year: year, domain: domain), default: .zero][keyPath: activity] += 1
        }
    }

    mutating func axis(_ axis: Axis, year: Int) {
        guard wanted(year) else {
            return
        }
        axes[AxisKey(year: year, axis: axis), default: 0] += 1
    }

    var figures: Figures {
        Figures(
            year: onlyYear,
            mobilityFlows: flows.sorted { $0.key < $1.key }.map { key, count in
                MobilityFlow(
                    year: key.year,
                    homeInstitution: key.home,
                    hostInstitution: key.host,
                    secondmentsStarted: count
                )
            },
            activityByDomain: domains.sorted { $0.key < $1.key }.map { key, counts in
                DomainActivity(year: key.year, domain: key.domain, activity: counts)
            },
            activityByAxis: axes.sorted { $0.key < $1.key }.map { key, count in
                AxisActivity(year: key.year, axis: key.axis, expertise: count)
            },
            totals: totals.sorted { $0.key < $1.key }.map { year, counts in YearActivity(year: year, activity: counts) }
        )
    }

    private func wanted(_ year: Int) -> Bool {
        onlyYear.map { $0 == year } ?? true
    }
}
