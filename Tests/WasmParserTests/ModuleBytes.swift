/// Builds small binary modules by hand for the decoder tests.
enum ModuleBytes {
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    static func uleb(_ value: UInt64) -> [UInt8] {
        var v = value
        var out: [UInt8] = []
        repeat {
            var b = UInt8(v & 0x7F)
            v >>= 7
            if v != 0 { b |= 0x80 }
            out.append(b)
        } while v != 0
        return out
    }

    static func section(_ id: UInt8, _ content: [UInt8]) -> [UInt8] {
        [id] + uleb(UInt64(content.count)) + content
    }

    static func module(_ sections: [UInt8]...) -> [UInt8] {
        header + sections.flatMap { $0 }
    }

    static func name(_ s: String) -> [UInt8] { uleb(UInt64(s.utf8.count)) + Array(s.utf8) }

    /// A type section with one `[params] -> [results]` type.
    static func typeSection(params: [UInt8] = [], results: [UInt8] = []) -> [UInt8] {
        section(1, [0x01, 0x60] + uleb(UInt64(params.count)) + params + uleb(UInt64(results.count)) + results)
    }

    /// Function section declaring `count` functions of type 0.
    static func functionSection(count: Int) -> [UInt8] {
        section(3, uleb(UInt64(count)) + Array(repeating: 0x00, count: count))
    }

    /// Code section from instruction sequences (no locals); each must end with 0x0B.
    static func codeSection(_ bodies: [[UInt8]]) -> [UInt8] {
        var content = uleb(UInt64(bodies.count))
        for body in bodies {
            let withLocals: [UInt8] = [0x00] + body
            content += uleb(UInt64(withLocals.count)) + withLocals
        }
        return section(10, content)
    }
}
