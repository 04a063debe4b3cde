/// Expertise delivered along one axis of the JRC mandate in one year.
public struct AxisActivity: Codable, Sendable, Equatable {
    public var year: Int
    public var axis: Axis
    public var expertise: Int
}
