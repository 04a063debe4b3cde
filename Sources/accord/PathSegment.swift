import Foundation

/// Ids go into URL paths; anything outside the unreserved set is percent-encoded.
enum PathSegment {
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
