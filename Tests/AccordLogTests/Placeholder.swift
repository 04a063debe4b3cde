import XCTest

final class AccordLogPlaceholder: XCTestCase {}
