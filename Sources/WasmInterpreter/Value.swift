import WasmParser

/// A typed wasm value as seen by the embedder. Floats are IEEE bit patterns so NaN payloads survive.
public enum Value: Hashable, Sendable {
    case i32(UInt32), i64(UInt64), f32(UInt32), f64(UInt64)
    case v128(V128)
    /// nil = null reference
    case funcRef(Function?)
    /// A host reference number; nil = null reference
    case externRef(UInt64?)
    /// An exception reference (feature .exceptions); nil = null reference
    case exnRef(Exception?)

    public var type: ValueType {
        switch self {
        case .i32: return .i32
        case .i64: return .i64
        case .f32: return .f32
        case .f64: return .f64
        case .v128: return .v128
        case .funcRef: return .funcRef
        case .externRef: return .externRef
        case .exnRef: return .exnRef
        }
    }

    /// The zero / null value of a type (initial value of locals and of table slots).
    public static func defaultValue(_ type: ValueType) -> Value {
        switch type {
        case .i32: return .i32(0)
        case .i64: return .i64(0)
        case .f32: return .f32(0)
        case .f64: return .f64(0)
        case .v128: return .v128(V128(lo: 0, hi: 0))
        case .ref(let r) where r.heapType == .exn: return .exnRef(nil)
        case .ref(let r): return r.heapType.isFunction ? .funcRef(nil) : .externRef(nil)
        }
    }
}

extension Store {
    /// Encode a value into a frame cell (see Cells.swift for the layout).
    func cellValue(_ v: Value) throws -> UInt64 {
        switch v {
        case .i32(let x): return UInt64(x)
        case .i64(let x): return x
        case .f32(let x): return UInt64(x)
        case .f64(let x): return x
        case .v128(let v): return try vectors.pin(v)
        case .funcRef(let f):
            guard let f else { return 0 }
            guard f.store === self else { throw Trap(.host, "function reference belongs to another store") }
            return UInt64(f.address) + 1
        case .externRef(let n):
            guard let n else { return 0 }
            return n &+ 1
        case .exnRef(let e):
            guard let e else { return 0 }
            return try exceptionCell(e)
        }
    }

    /// Decode a frame cell of the given type.
    func value(ofCell c: UInt64, type: ValueType) -> Value {
        switch type {
        case .i32: return .i32(UInt32(truncatingIfNeeded: c))
        case .i64: return .i64(c)
        case .f32: return .f32(UInt32(truncatingIfNeeded: c))
        case .f64: return .f64(c)
        case .v128: return .v128(vectors[c])
        case .ref(let r) where r.heapType == .exn: return .exnRef(c == 0 ? nil : exceptionValue(c))
        case .ref(let r) where r.heapType.isFunction:
            return .funcRef(c == 0 ? nil : Function(store: self, address: Int(c - 1)))
        case .ref: return .externRef(c == 0 ? nil : c - 1)
        }
    }
}
