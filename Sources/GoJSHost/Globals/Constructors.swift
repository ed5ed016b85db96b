/// `Object`, `Array` and `Uint8Array`: the constructors `js.ValueOf` and the
/// `syscall` package use.
enum Constructors {
    /// Largest byte array a guest may ask the host to allocate at once (host
    /// memory is outside the guest's memory limit; Go's own buffers are far smaller).
    static let maxByteArrayLength = 256 << 20

    static func object() -> JSFunction {
        JSFunction(name: "Object", body: { _, _ in .object(JSObject()) }, construct: { _ in .object(JSObject()) })
    }

    static func array() -> JSFunction {
        func make(_ args: [JSValue]) throws -> JSValue {
            if args.count == 1, case .number(let n) = args[0] {
                guard n >= 0, n < Double(1 << 24), n == n.rounded() else {
                    throw JSException(.object(JSException.errorObject("Invalid array length")))
                }
                return .object(JSArray(Array(repeating: .undefined, count: Int(n))))
            }
            return .object(JSArray(args))
        }
        return JSFunction(name: "Array", body: { _, args in try make(args) }, construct: make)
    }

    static func uint8Array() -> JSFunction {
        JSFunction(name: "Uint8Array", construct: { args in
            switch args.first ?? .number(0) {
            case .number(let n):
                guard n >= 0, n <= Double(maxByteArrayLength), n == n.rounded() else {
                    throw JSException(.object(JSException.errorObject("Invalid typed array length: \(JSNumberFormat.string(n))")))
                }
                return .object(JSByteArray(Array(repeating: 0, count: Int(n))))
            case .object(let source as JSByteArray):
                return .object(JSByteArray(source.bytes))
            case .object(let source as JSArray):
                return .object(JSByteArray(source.elements.map { UInt8(truncatingIfNeeded: $0.intValue) }))
            default:
                return .object(JSByteArray([]))
            }
        })
    }
}
