/// A YAML syntax or structure error. `description` follows yaml.v3's wording
/// (`yaml: line 3: mapping values are not allowed in this context`) because kpt prints it;
/// errors raised by kyaml's own code (document splitting) have no `yaml: ` prefix.
public struct YAMLError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    /// 1-based line the error refers to (0 when unknown).
    public let line: Int
    /// Byte offset in the input (-1 when unknown).
    public let offset: Int
    /// Whether `description` starts with yaml.v3's `yaml: ` prefix.
    public let fromYAMLLibrary: Bool

    public init(_ message: String, line: Int = 0, offset: Int = -1, fromYAMLLibrary: Bool = true) {
        self.message = message
        self.line = line
        self.offset = offset
        self.fromYAMLLibrary = fromYAMLLibrary
    }

    public var description: String {
        guard fromYAMLLibrary else { return message }
        return line > 0 ? "yaml: line \(line): \(message)" : "yaml: \(message)"
    }
}
