/// Test helper: rewrites the module name of function imports in a wasm
/// binary (e.g. `gojs` -> `go`, to imitate a Go <= 1.20 module).
enum WasmImportRenamer {
    struct Malformed: Error {}

    static func renameImportModule(_ bytes: [UInt8], from old: String, to new: String) throws -> [UInt8] {
        var out = Array(bytes[0..<8])
        var i = 8
        while i < bytes.count {
            let id = bytes[i]
            i += 1
            let size = try leb(bytes, &i)
            let body = Array(bytes[i..<(i + size)])
            i += size
            out.append(id)
            let newBody = id == 2 ? try rewriteImports(body, old, new) : body
            out += encodeLEB(newBody.count) + newBody
        }
        return out
    }

    private static func rewriteImports(_ body: [UInt8], _ old: String, _ new: String) throws -> [UInt8] {
        var i = 0
        let count = try leb(body, &i)
        var out = encodeLEB(count)
        for _ in 0..<count {
            let moduleLength = try leb(body, &i)
            let module = String(decoding: body[i..<(i + moduleLength)], as: UTF8.self)
            i += moduleLength
            let renamed = Array((module == old ? new : module).utf8)
            out += encodeLEB(renamed.count) + renamed
            let nameLength = try leb(body, &i)
            out += encodeLEB(nameLength) + body[i..<(i + nameLength)]
            i += nameLength
            guard body[i] == 0 else { throw Malformed() }   // Go modules import functions only
            out.append(0)
            i += 1
            out += encodeLEB(try leb(body, &i))
        }
        return out
    }

    private static func leb(_ b: [UInt8], _ i: inout Int) throws -> Int {
        var result = 0, shift = 0
        while true {
            guard i < b.count else { throw Malformed() }
            let byte = b[i]
            i += 1
            result |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private static func encodeLEB(_ value: Int) -> [UInt8] {
        var v = value
        var out: [UInt8] = []
        repeat {
            var byte = UInt8(v & 0x7F)
            v >>= 7
            if v != 0 { byte |= 0x80 }
            out.append(byte)
        } while v != 0
        return out
    }
}
