/// A runtime error raised by executing wasm code, worded like the spec's reference interpreter.
public struct Trap: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable {
        case unreachable, integerDivideByZero, integerOverflow, invalidConversionToInteger,
             outOfBoundsMemoryAccess, outOfBoundsTableAccess, undefinedElement, uninitializedElement,
             indirectCallTypeMismatch, callStackExhausted, outOfFuel, timeout, host
        /// A null reference where an object is needed (`throw_ref` of null: "null exception reference").
        case nullReference
    }
    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String? = nil) {
        self.kind = kind
        self.message = message ?? Trap.defaultMessage(kind)
    }

    public var description: String { message }

    static func defaultMessage(_ kind: Kind) -> String {
        switch kind {
        case .unreachable: return "unreachable"
        case .integerDivideByZero: return "integer divide by zero"
        case .integerOverflow: return "integer overflow"
        case .invalidConversionToInteger: return "invalid conversion to integer"
        case .outOfBoundsMemoryAccess: return "out of bounds memory access"
        case .outOfBoundsTableAccess: return "out of bounds table access"
        case .undefinedElement: return "undefined element"
        case .uninitializedElement: return "uninitialized element"
        case .indirectCallTypeMismatch: return "indirect call type mismatch"
        case .callStackExhausted: return "call stack exhausted"
        case .outOfFuel: return "fuel exhausted"
        case .timeout: return "deadline exceeded"
        case .host: return "host error"
        case .nullReference: return "null reference"
        }
    }
}

/// Instantiation failed while resolving imports: "unknown import: m.f" or "incompatible import type: m.f".
public struct LinkError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
