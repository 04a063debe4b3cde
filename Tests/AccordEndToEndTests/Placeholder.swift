import XCTest

final class AccordEndToEndPlaceholder: XCTestCase {}
