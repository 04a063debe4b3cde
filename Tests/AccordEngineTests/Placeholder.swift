import XCTest

final class AccordEnginePlaceholder: XCTestCase {}
