import XCTest

final class AccordDomainPlaceholder: XCTestCase {}
