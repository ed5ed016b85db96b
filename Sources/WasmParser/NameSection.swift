/// Reads function names from the `name` custom section. Tolerant: a malformed name section is
/// ignored (custom sections never make a module invalid), keeping whatever was read before the problem.
enum NameSection {
    static func functionNames(bytes: ModuleBinary, range: Range<Int>) -> [UInt32: String] {
        var names: [UInt32: String] = [:]
        var r = ByteReader(bytes: bytes, range: range)
        do {
            while !r.isAtEnd {
                let id = try r.readByte()
                let size = try r.readLength()
                let end = r.position + size
                if id == 1 {
                    var sub = ByteReader(bytes: bytes, range: r.position..<end)
                    let count = try sub.readCount()
                    for _ in 0..<count {
                        let index = try sub.readVarUInt32()
                        names[index] = try sub.readName().string
                    }
                    return names
                }
                r.position = end
            }
        } catch {
            return names
        }
        return names
    }
}
