/// The three axes of the JRC mandate that expertise serves.
public enum Axis: String, DomainEnumeration {
    case anticipation
    case integration
    case impact
}
