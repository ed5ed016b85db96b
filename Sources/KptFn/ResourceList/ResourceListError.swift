/// Why bytes are not a usable ResourceList. `description` names what was wrong.
public struct ResourceListError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
