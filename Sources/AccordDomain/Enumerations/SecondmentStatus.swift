/// Whether a secondment's end has been recorded; date questions are answered by the `on` filter.
public enum SecondmentStatus: String, DomainEnumeration {
    case open
    case ended
}
