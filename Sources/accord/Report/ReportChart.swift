import AccordDomain

/// One SVG timeline of a year: a row per item, its bar from its first to its last day (cut at the year's ends), and
/// marks on a day (a domain opened). Coordinates are computed here so the template only places them.
struct ReportChart {
    struct Month {
        let name: String
        let x: String
    }

    struct Bar {
        /// The CSS class that colours it: `secondment`, `grant`, `agreement`.
        let kind: String
        let x: String
        let width: String
        /// The tooltip: what the bar is and its days.
        let title: String
    }

    struct Mark {
        let x: String
        let title: String
    }

    struct Row {
        let label: String
        let y: String
        let textY: String
        let bars: [Bar]
        let marks: [Mark]
    }

    /// An item to draw, before placement.
    struct Item {
        let label: String
        let kind: String
        let first: BusinessDate
        let last: BusinessDate
        let title: String
        var marks: [(day: BusinessDate, title: String)] = []
    }

    static let width = 960
    static let labelWidth = 240
    static let rowHeight = 22
    static let headerHeight = 20
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    let width = ReportChart.width
    let height: Int
    let plotX = ReportChart.labelWidth
    let months: [Month]
    let rows: [Row]
    /// The report's day as a vertical line, when it falls in the year.
    let dayLine: Mark?
    let isEmpty: Bool

    /// The items that overlap `year`, in the order given; the others are left out.
    init(year: Int, items: [Item], day: BusinessDate) {
        // The report's year was validated against BusinessDate's range, so both ends exist.
        let first = try! BusinessDate(year: year, month: 1, day: 1)
        let last = try! BusinessDate(year: year, month: 12, day: 31)
        let dayCount = first.days(until: last) + 1
        let plotWidth = Double(ReportChart.width - ReportChart.labelWidth)
        let dayWidth = plotWidth / Double(dayCount)
        func x(_ date: BusinessDate) -> Double {
            Double(ReportChart.labelWidth) + Double(first.days(until: date)) * dayWidth
        }

        months = ReportChart.monthNames.enumerated().map { index, name in
            Month(name: name, x: ReportChart.format(x(try! BusinessDate(year: year, month: index + 1, day: 1))))
        }
        let shown = items.filter { $0.first <= last && $0.last >= first }
        rows = shown.enumerated().map { index, item in
            let top = ReportChart.headerHeight + index * ReportChart.rowHeight
            let start = max(item.first, first)
            let end = min(item.last, last)
            let bar = Bar(
                kind: item.kind,
                x: ReportChart.format(x(start)),
                // A one-day item stays visible.
                width: ReportChart.format(max(2, Double(start.days(until: end) + 1) * dayWidth)),
                title: item.title
            )
            let marks = item.marks.filter { (first...last).contains($0.day) }.map {
                Mark(x: ReportChart.format(x($0.day)), title: $0.title)
            }
            return Row(
                label: ReportChart.fitted(item.label),
                y: String(top + 4),
                textY: String(top + 15),
                bars: [bar],
                marks: marks
            )
        }
        height = ReportChart.headerHeight + max(1, shown.count) * ReportChart.rowHeight + 4
        dayLine = (first...last).contains(day) ? Mark(x: ReportChart.format(x(day)), title: "\(day)") : nil
        isEmpty = shown.isEmpty
    }

    /// Longest label that fits the label column at the chart's font size; the bar's tooltip keeps the whole text.
    static let labelCharacters = 38

    private static func fitted(_ label: String) -> String {
        label.count <= labelCharacters ? label : label.prefix(labelCharacters - 1) + "…"
    }

    private static func format(_ value: Double) -> String {
        String(Double((value * 10).rounded()) / 10)
    }
}
