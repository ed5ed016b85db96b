/// Decodes function bodies without typing them, to find decoding errors ("malformed") the way the
/// reference decoder would: block nesting, a stray `else`, the final `end` at the declared size, and
/// bulk-memory data instructions that need a data count section.
enum BodySyntaxScanner {
    static func scan(_ module: Module, from first: Int) throws(WasmError) {
        guard first < module.bodies.count else { return }
        for i in first..<module.bodies.count {
            try scan(module, body: module.bodies[i])
        }
    }

    static func scan(_ module: Module, body: FunctionBody) throws(WasmError) {
        var reader = OperatorReader(bytes: module.bytes, range: body.code.lowerBound..<module.bytes.count,
                                    features: module.features)
        // Each entry: true when the open construct is an `if` that may still take an `else`.
        var openIsIf: [Bool] = [false]
        while true {
            let at = reader.offset
            switch try reader.next() {
            case .block, .loop, .tryTable: openIsIf.append(false)
            case .if: openIsIf.append(true)
            case .else:
                guard openIsIf.last == true else { throw WasmError.malformed("END opcode expected", at: at) }
                openIsIf[openIsIf.count - 1] = false
            case .end:
                openIsIf.removeLast()
                if openIsIf.isEmpty {
                    try checkBodyEnd(reader.offset, body: body)
                    return
                }
            case .memoryInit, .dataDrop:
                if module.dataCount == nil { throw WasmError.malformed("data count section required", at: at) }
            default: break
            }
        }
    }

    /// The final `end` must be the body's last byte.
    static func checkBodyEnd(_ offset: Int, body: FunctionBody) throws(WasmError) {
        guard offset == body.code.upperBound else {
            throw WasmError.malformed("section size mismatch", at: body.offset)
        }
    }
}
