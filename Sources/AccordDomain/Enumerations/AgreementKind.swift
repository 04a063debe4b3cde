/// The legal form of an agreement: a memorandum of understanding, a framework agreement,
/// or an arrangement implementing one.
public enum AgreementKind: String, DomainEnumeration {
    case mou
    case framework
    case implementingArrangement
}
