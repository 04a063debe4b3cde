/// The kind of joint work under an agreement.
public enum ProjectKind: String, DomainEnumeration {
    case europeanProject
    case modellingWork
    case expertise
}
