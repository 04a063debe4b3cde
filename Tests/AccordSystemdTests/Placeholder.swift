import XCTest

final class AccordSystemdPlaceholder: XCTestCase {}
