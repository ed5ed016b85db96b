/// A package read/write failure. `description` is the text kpt prints.
public struct PackageError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
