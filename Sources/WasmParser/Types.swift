/// A WebAssembly value type. References are `ref(RefType)`; `.funcRef` and `.externRef` are its
/// nullable abstract spellings (so `funcref` and `(ref null func)` are the same value).
public enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case i32, i64, f32, f64, v128
    case ref(RefType)

    public var isReference: Bool {
        if case .ref = self { return true }
        return false
    }

    public var refType: RefType? {
        if case .ref(let r) = self { return r }
        return nil
    }
    public var isNumeric: Bool { self == .i32 || self == .i64 || self == .f32 || self == .f64 }

    public var description: String {
        switch self {
        case .i32: return "i32"
        case .i64: return "i64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .v128: return "v128"
        case .ref(let r): return r.description
        }
    }
}

public struct FunctionType: Hashable, Sendable, CustomStringConvertible {
    public var params: [ValueType]
    public var results: [ValueType]
    public init(params: [ValueType], results: [ValueType]) {
        self.params = params
        self.results = results
    }
    public var description: String { "\(params) -> \(results)" }
}

/// Table or memory limits. `is64` and `shared` are only set when the matching feature is on.
public struct Limits: Hashable, Sendable {
    public var min: UInt64
    public var max: UInt64?
    public var is64: Bool
    public var shared: Bool
    public init(min: UInt64, max: UInt64? = nil, is64: Bool = false, shared: Bool = false) {
        self.min = min
        self.max = max
        self.is64 = is64
        self.shared = shared
    }
}

public struct TableType: Hashable, Sendable {
    public var elementType: ValueType
    public var limits: Limits
    public init(elementType: ValueType, limits: Limits) {
        self.elementType = elementType
        self.limits = limits
    }
}

public struct MemoryType: Hashable, Sendable {
    public var limits: Limits
    public init(limits: Limits) { self.limits = limits }
}

public struct GlobalType: Hashable, Sendable {
    public var valueType: ValueType
    public var isMutable: Bool
    public init(valueType: ValueType, isMutable: Bool) {
        self.valueType = valueType
        self.isMutable = isMutable
    }
}

/// A 128-bit vector value; `lo` holds bytes 0...7 and `hi` bytes 8...15 (little-endian lanes).
public struct V128: Hashable, Sendable {
    public var lo: UInt64
    public var hi: UInt64
    public init(lo: UInt64, hi: UInt64) {
        self.lo = lo
        self.hi = hi
    }
}
