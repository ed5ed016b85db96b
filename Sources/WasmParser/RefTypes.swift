/// What a reference points at. `concrete` names a function type by index: an index into the module's
/// type section inside a `Module`, a store-wide type ID in runtime entities (tables, globals, functions).
public enum HeapType: Hashable, Sendable, CustomStringConvertible {
    case `func`, extern
    case concrete(UInt32)
    /// Exception references (feature .exceptions): `exnref` is `(ref null exn)`.
    case exn

    /// Function references (`func` and type indices) share one runtime representation.
    public var isFunction: Bool {
        if case .extern = self { return false }
        if case .exn = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .func: return "func"
        case .extern: return "extern"
        case .exn: return "exn"
        case .concrete(let index): return "\(index)"
        }
    }
}

/// `(ref null? heaptype)`. `funcref` and `externref` are the nullable abstract forms.
public struct RefType: Hashable, Sendable, CustomStringConvertible {
    public var nullable: Bool
    public var heapType: HeapType

    public init(nullable: Bool, heapType: HeapType) {
        self.nullable = nullable
        self.heapType = heapType
    }

    public static let funcRef = RefType(nullable: true, heapType: .func)
    public static let externRef = RefType(nullable: true, heapType: .extern)
    public static let exnRef = RefType(nullable: true, heapType: .exn)

    public var description: String {
        switch (nullable, heapType) {
        case (true, .func): return "funcref"
        case (true, .extern): return "externref"
        case (true, .exn): return "exnref"
        case (true, let h): return "(ref null \(h))"
        case (false, let h): return "(ref \(h))"
        }
    }

    /// `self <: other`. Type indices must already be canonical (equal indices = equivalent types):
    /// `canonical` maps a module's index to its representative; runtime entities pass store IDs as is.
    public func isSubtype(of other: RefType, canonical: (UInt32) -> UInt32 = { $0 }) -> Bool {
        if nullable && !other.nullable { return false }
        switch (heapType, other.heapType) {
        case (.func, .func), (.extern, .extern), (.exn, .exn): return true
        case (.concrete, .func): return true
        case (.concrete(let a), .concrete(let b)): return a == b || canonical(a) == canonical(b)
        default: return false
        }
    }
}

extension ValueType {
    public static let funcRef = ValueType.ref(.funcRef)
    public static let externRef = ValueType.ref(.externRef)
    public static let exnRef = ValueType.ref(.exnRef)

    /// Non-null references have no default value: such locals must be set before use, tables need an initializer.
    public var isDefaultable: Bool {
        if case .ref(let r) = self { return r.nullable }
        return true
    }

    /// `self <: other` (see `RefType.isSubtype`); value types other than references match only themselves.
    public func isSubtype(of other: ValueType, canonical: (UInt32) -> UInt32 = { $0 }) -> Bool {
        if self == other { return true }
        guard case .ref(let a) = self, case .ref(let b) = other else { return false }
        return a.isSubtype(of: b, canonical: canonical)
    }
}
