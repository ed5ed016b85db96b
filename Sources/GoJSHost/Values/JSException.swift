/// A value thrown by a host function. `valueCall`/`valueInvoke`/`valueNew`
/// hand it to Go with ok = false; Go reads its `message` (and `code` for fs).
public struct JSException: Error, @unchecked Sendable, CustomStringConvertible {
    public let value: JSValue

    public init(_ value: JSValue) {
        self.value = value
    }

    public var description: String {
        if case .object(let o) = value, case .string(let m) = o.get("message") { return m }
        return value.jsString
    }

    /// An `Error` object: `message`, and optionally the Node-style errno `code`.
    public static func errorObject(_ message: String, code: String? = nil) -> JSObject {
        let e = JSObject(["message": .string(message), "name": .string("Error")])
        if let code { e.set("code", .string(code)) }
        return e
    }

    public static func typeError(_ message: String) -> JSException {
        let e = errorObject(message)
        e.set("name", .string("TypeError"))
        return JSException(.object(e))
    }

    /// An fs/process error Go maps to an errno through `code` (syscall/tables_js.go names).
    public static func errno(_ code: Errno, _ syscall: String) -> JSException {
        JSException(.object(errorObject("\(code.rawValue): \(code.message), \(syscall)", code: code.rawValue)))
    }
}

/// The few errno codes this sandboxed host reports.
public enum Errno: String, Error {
    case ENOSYS, EBADF, EINVAL, EACCES

    var message: String {
        switch self {
        case .ENOSYS: return "function not implemented"
        case .EBADF: return "bad file descriptor"
        case .EINVAL: return "invalid argument"
        case .EACCES: return "permission denied"
        }
    }
}
