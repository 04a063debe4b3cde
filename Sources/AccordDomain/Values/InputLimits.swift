/// A limit on every input, so that no command can make an event or a read model grow without bound.
public enum InputLimits {
    public static let maximumIdentifierLength = 64
    public static let maximumTextLength = 2000
    public static let maximumListCount = 100
}
