import Foundation

/// Finds the fields of a request body that the command does not have: a typo (`validUntill`) would otherwise be
/// dropped silently and a fact lost. The command decoded and encoded again is the reference; fields that are
/// absent from it because they are optional and null are fine.
enum UnknownFields {
    /// Paths of the fields in `submitted` that `canonical` does not have, e.g. `corrected.payload.nmae`.
    static func paths(submitted: Any, canonical: Any, allowed: Set<String> = [], prefix: String = "") -> [String] {
        switch (submitted, canonical) {
        case (let submitted as [String: Any], let canonical as [String: Any]):
            var found: [String] = []
            for key in submitted.keys.sorted() {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                let value = submitted[key]!
                if let known = canonical[key] {
                    found += paths(submitted: value, canonical: known, prefix: path)
                } else if !(value is NSNull) && !allowed.contains(key) {
                    found.append(path)
                }
            }
            return found
        case (let submitted as [Any], let canonical as [Any]):
            return zip(submitted, canonical).enumerated().flatMap { index, pair in
                paths(submitted: pair.0, canonical: pair.1, prefix: "\(prefix)[\(index)]")
            }
        default:
            return []
        }
    }
}
