import WasmInterpreter
import WasmParser

/// An expected result from a spec script: an exact value, a NaN class, or "any non-null reference".
enum SpecExpectation {
    case exact(Value)
    case canonicalNaN32, arithmeticNaN32, canonicalNaN64, arithmeticNaN64
    case anyFuncRef, anyExternRef, anyNull
    case v128Lanes(laneType: String, lanes: [String])
    case either([SpecExpectation])

    func matches(_ value: Value) -> Bool {
        switch (self, value) {
        case (.exact(let expected), _): return SpecValue.identical(expected, value)
        case (.canonicalNaN32, .f32(let b)): return b & 0x7fff_ffff == 0x7fc0_0000
        case (.arithmeticNaN32, .f32(let b)): return b & 0x7fc0_0000 == 0x7fc0_0000
        case (.canonicalNaN64, .f64(let b)): return b & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000
        case (.arithmeticNaN64, .f64(let b)): return b & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000
        case (.anyFuncRef, .funcRef(let f)): return f != nil
        case (.anyExternRef, .externRef(let r)): return r != nil
        case (.anyNull, .funcRef(nil)), (.anyNull, .externRef(nil)): return true
        case (.v128Lanes(let laneType, let lanes), .v128(let v)): return SpecValue.lanesMatch(v, laneType: laneType, lanes: lanes)
        case (.either(let options), _): return options.contains { $0.matches(value) }
        default: return false
        }
    }
}

enum SpecValueError: Error, CustomStringConvertible {
    case unsupported(String)
    var description: String { switch self { case .unsupported(let s): return "unsupported spec value: \(s)" } }
}

/// Decodes the value objects of the suite's JSON (see the suite README, "Values").
enum SpecValue {
    /// i32/i64 come signed from wasm-tools and unsigned from wast2json: accept both, keep the bit pattern.
    static func integerBits(_ text: String) -> UInt64? {
        if let signed = Int64(text) { return UInt64(bitPattern: signed) }
        return UInt64(text)
    }

    static func argument(_ json: [String: Any]) throws -> Value {
        guard case .exact(let value) = try expectation(json) else {
            throw SpecValueError.unsupported("argument \(json)")
        }
        return value
    }

    static func expectation(_ json: [String: Any]) throws -> SpecExpectation {
        let type = json["type"] as? String ?? ""
        if type == "either" {
            let options = json["values"] as? [[String: Any]] ?? []
            return .either(try options.map(expectation))
        }
        let raw = json["value"]
        let text = raw as? String
        switch type {
        case "i32":
            guard let t = text, let bits = integerBits(t) else { throw SpecValueError.unsupported("\(json)") }
            return .exact(.i32(UInt32(truncatingIfNeeded: bits)))
        case "i64":
            guard let t = text, let bits = integerBits(t) else { throw SpecValueError.unsupported("\(json)") }
            return .exact(.i64(bits))
        case "f32":
            if text == "nan:canonical" { return .canonicalNaN32 }
            if text == "nan:arithmetic" { return .arithmeticNaN32 }
            guard let t = text, let bits = integerBits(t) else { throw SpecValueError.unsupported("\(json)") }
            return .exact(.f32(UInt32(truncatingIfNeeded: bits)))
        case "f64":
            if text == "nan:canonical" { return .canonicalNaN64 }
            if text == "nan:arithmetic" { return .arithmeticNaN64 }
            guard let t = text, let bits = integerBits(t) else { throw SpecValueError.unsupported("\(json)") }
            return .exact(.f64(bits))
        case "funcref":
            if text == "null" { return .exact(.funcRef(nil)) }
            if raw == nil { return .anyFuncRef }
            throw SpecValueError.unsupported("\(json)")
        case "externref":
            if text == "null" { return .exact(.externRef(nil)) }
            if raw == nil { return .anyExternRef }
            guard let t = text, let n = UInt64(t) else { throw SpecValueError.unsupported("\(json)") }
            return .exact(.externRef(n))
        case "exnref":
            if text == "null" { return .exact(.exnRef(nil)) }
            throw SpecValueError.unsupported("\(json)")
        case "refnull":
            return .anyNull
        case "v128":
            let laneType = json["lane_type"] as? String ?? ""
            let lanes = (raw as? [String]) ?? []
            if lanes.allSatisfy({ !$0.hasPrefix("nan:") }), let v = v128(laneType: laneType, lanes: lanes) {
                return .exact(.v128(v))
            }
            return .v128Lanes(laneType: laneType, lanes: lanes)
        default:
            throw SpecValueError.unsupported("\(json)")
        }
    }

    /// Bit-exact identity: floats by bit pattern, references by identity.
    static func identical(_ a: Value, _ b: Value) -> Bool { a == b }

    static func laneWidth(_ laneType: String) -> Int? {
        switch laneType {
        case "i8": return 8
        case "i16": return 16
        case "i32", "f32": return 32
        case "i64", "f64": return 64
        default: return nil
        }
    }

    static func v128(laneType: String, lanes: [String]) -> V128? {
        guard let width = laneWidth(laneType), lanes.count * width == 128 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 16)
        for (i, lane) in lanes.enumerated() {
            guard let bits = integerBits(lane) else { return nil }
            for k in 0..<(width / 8) { bytes[i * width / 8 + k] = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k))) }
        }
        var lo: UInt64 = 0, hi: UInt64 = 0
        for k in 0..<8 { lo |= UInt64(bytes[k]) << (8 * UInt64(k)); hi |= UInt64(bytes[8 + k]) << (8 * UInt64(k)) }
        return V128(lo: lo, hi: hi)
    }

    static func lanesMatch(_ v: V128, laneType: String, lanes: [String]) -> Bool {
        guard let width = laneWidth(laneType), lanes.count * width == 128 else { return false }
        for (i, lane) in lanes.enumerated() {
            let bitOffset = i * width
            let word = bitOffset < 64 ? v.lo : v.hi
            let shift = UInt64(bitOffset % 64)
            let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
            let bits = (word >> shift) & mask
            switch (laneType, lane) {
            case ("f32", "nan:canonical"): if bits & 0x7fff_ffff != 0x7fc0_0000 { return false }
            case ("f32", "nan:arithmetic"): if bits & 0x7fc0_0000 != 0x7fc0_0000 { return false }
            case ("f64", "nan:canonical"): if bits & 0x7fff_ffff_ffff_ffff != 0x7ff8_0000_0000_0000 { return false }
            case ("f64", "nan:arithmetic"): if bits & 0x7ff8_0000_0000_0000 != 0x7ff8_0000_0000_0000 { return false }
            default:
                guard let expected = integerBits(lane) else { return false }
                if bits != expected & mask { return false }
            }
        }
        return true
    }
}
