import Foundation

/// A failed file-system call, worded like Go's `*fs.PathError` (what kpt prints):
/// `open /pkg/a.yaml: permission denied`.
public struct PathError: Error, CustomStringConvertible, Sendable, Equatable {
    public var op: String
    public var path: String
    public var code: Int32
    /// Said instead of the errno text where no errno says it (e.g. "not a regular file").
    public var note: String?

    public init(op: String, path: String, code: Int32, note: String? = nil) {
        self.op = op
        self.path = path
        self.code = code
        self.note = note
    }

    /// The errno text as Go spells it: strerror with a lowercase first letter.
    public var reason: String { note ?? Self.reason(code) }

    public var description: String { "\(op) \(path): \(reason)" }

    public static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
