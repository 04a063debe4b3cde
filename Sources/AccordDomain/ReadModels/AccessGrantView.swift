/// An infrastructure access grant as it stands.
public struct AccessGrantView: Codable, Sendable, Equatable {
    public var grantID: String
    public var agreement: String
    public var granteeKind: GranteeKind
    public var grantee: String
    public var granteeInstitution: String
    public var site: String
    /// The institution the site belongs to.
    public var siteInstitution: String
    public var facility: String
    public var purpose: String
    public var domain: String?
    public var validFrom: BusinessDate
    public var validUntil: BusinessDate
    public var revokedOn: BusinessDate?
    public var revocationReason: String?
    /// The day `status` is judged on; absent when the query gave no day.
    public var statusOn: BusinessDate?
    /// The standing on `statusOn` (`notYetValid`, `valid`, `expired`, `revoked`); without a day, `revoked` once a
    /// revocation is recorded, else `granted`.
    public var status: AccessGrantStatus
    /// The day before the revocation, or else `validUntil`.
    public var lastValidDay: BusinessDate
    /// Days from the query's `on` to `lastValidDay`, when the query gave a day the grant is valid on.
    public var daysLeft: Int?
    /// Where the grant stands in the log.
    public var position: UInt64
    /// The corrections and retractions that changed its facts, oldest first.
    public var corrections: [CorrectionMark] = []
}

extension AccessGrantView {
    init(_ record: GrantRecord, siteInstitution: String, on date: BusinessDate?) {
        let granted = record.granted
        self.init(
            grantID: granted.grantID,
            agreement: granted.agreement,
            granteeKind: granted.granteeKind,
            grantee: granted.grantee,
            granteeInstitution: granted.granteeInstitution,
            site: granted.site,
            siteInstitution: siteInstitution,
            facility: granted.facility,
            purpose: granted.purpose,
            domain: granted.domain,
            validFrom: granted.validFrom,
            validUntil: granted.validUntil,
            revokedOn: record.revocation?.revokedOn,
            revocationReason: record.revocation?.reason,
            statusOn: date,
            status: record.status(on: date),
            lastValidDay: record.lastValidDay,
            daysLeft: date.flatMap { record.isValid(on: $0) ? $0.days(until: record.lastValidDay) : nil },
            position: record.position
        )
    }
}
