/// One catch clause of `try_table`: which exceptions it takes and the label it branches to
/// (relative to the labels around the `try_table`, not counting its own).
public struct CatchClause: Hashable, Sendable {
    public enum Kind: UInt8, Hashable, Sendable {
        /// Payload only / payload then exnref / nothing / exnref only.
        case `catch` = 0, catchRef = 1, catchAll = 2, catchAllRef = 3

        public var hasTag: Bool { self == .catch || self == .catchRef }
        public var passesReference: Bool { self == .catchRef || self == .catchAllRef }
    }

    public var kind: Kind
    /// The tag index for `catch`/`catch_ref`; nil for the catch-all kinds.
    public var tag: UInt32?
    public var label: UInt32

    public init(kind: Kind, tag: UInt32?, label: UInt32) {
        self.kind = kind
        self.tag = tag
        self.label = label
    }
}
