/// A value type packed into one machine word for the validator's operand stack: numeric types compare
/// with a single integer comparison, and only two differing reference codes need the subtyping rules.
/// Lossless: `valueType` gives back the exact `ValueType` (0 is the polymorphic stack's "unknown").
struct OperandCode: Equatable {
    let raw: UInt64

    @inline(__always) private init(raw: UInt64) { self.raw = raw }

    static let unknown = OperandCode(raw: 0)
    static let i32 = OperandCode(raw: 1), i64 = OperandCode(raw: 2), f32 = OperandCode(raw: 3)
    static let f64 = OperandCode(raw: 4), v128 = OperandCode(raw: 5)

    // References: bit 40 marks one, bit 41 is nullable, bits 32...33 the heap kind, bits 0...31 a type index.
    private static let refBit: UInt64 = 1 << 40
    private static let nullableBit: UInt64 = 1 << 41

    @inline(__always)
    init(_ t: ValueType?) {
        guard let t else { self = .unknown; return }
        switch t {
        case .i32: self = .i32
        case .i64: self = .i64
        case .f32: self = .f32
        case .f64: self = .f64
        case .v128: self = .v128
        case .ref(let r): self = OperandCode.reference(r)
        }
    }

    @inline(never)
    private static func reference(_ r: RefType) -> OperandCode {
        var raw = refBit | (r.nullable ? nullableBit : 0)
        switch r.heapType {
        case .func: break
        case .extern: raw |= 1 << 32
        case .exn: raw |= 2 << 32
        case .concrete(let index): raw |= 3 << 32 | UInt64(index)
        }
        return OperandCode(raw: raw)
    }

    /// False only for non-null references (locals of that type must be set before use).
    var isDefaultable: Bool { raw & OperandCode.refBit == 0 || raw & OperandCode.nullableBit != 0 }

    var valueType: ValueType? {
        switch raw {
        case 0: return nil
        case 1: return .i32
        case 2: return .i64
        case 3: return .f32
        case 4: return .f64
        case 5: return .v128
        default:
            let heap: HeapType
            switch (raw >> 32) & 3 {
            case 0: heap = .func
            case 1: heap = .extern
            case 2: heap = .exn
            default: heap = .concrete(UInt32(truncatingIfNeeded: raw))
            }
            return .ref(RefType(nullable: raw & OperandCode.nullableBit != 0, heapType: heap))
        }
    }
}

/// `NumericOpcodeTable.signatures` as operand codes (`operand2` is `.unknown` for unary operators).
extension NumericOpcodeTable {
    nonisolated(unsafe) static let codes: UnsafePointer<(operand1: OperandCode, operand2: OperandCode, result: OperandCode)> = {
        let count = Int(last - first) + 1
        let table = UnsafeMutablePointer<(operand1: OperandCode, operand2: OperandCode, result: OperandCode)>
            .allocate(capacity: count)
        for i in 0..<count {
            let s = signatures[i]
            table[i] = (OperandCode(s.operand1), OperandCode(s.operand2), OperandCode(s.result))
        }
        return UnsafePointer(table)
    }()
}
