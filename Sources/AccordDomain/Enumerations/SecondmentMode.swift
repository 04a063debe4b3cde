/// How a person goes to the host: a short expertise mission, a detachment, or a specialist post at the host.
public enum SecondmentMode: String, DomainEnumeration {
    case expertiseMission
    case detachment
    case specialistPost
}
