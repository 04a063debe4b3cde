import AccordDomain
import Foundation

/// The business date of today where the user is: the default day for "what is in force" questions.
enum Today {
    static var date: BusinessDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        // The calendar always yields a valid day; BusinessDate's range (1900–2199) covers any clock in use.
        return try! BusinessDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
