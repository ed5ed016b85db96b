/// Byte classes used by the emitter, with yaml.v3's exact definitions (UTF-8 aware).
/// Reads past the end return 0, which every predicate treats as "not a match".
struct YAMLBytes {
    let b: [UInt8]
    init(_ b: [UInt8]) { self.b = b }

    @inline(__always) subscript(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }
    var count: Int { b.count }

    func isAlpha(_ i: Int) -> Bool {
        let c = self[i]
        return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 45
    }
    func isSpace(_ i: Int) -> Bool { self[i] == 0x20 }
    func isBlank(_ i: Int) -> Bool { self[i] == 0x20 || self[i] == 0x09 }
    func isBreak(_ i: Int) -> Bool {
        let c = self[i]
        return c == 0x0D || c == 0x0A || (c == 0xC2 && self[i + 1] == 0x85)
            || (c == 0xE2 && self[i + 1] == 0x80 && (self[i + 2] == 0xA8 || self[i + 2] == 0xA9))
    }
    func isBlankZ(_ i: Int) -> Bool { isBlank(i) || isBreak(i) || i >= b.count || self[i] == 0 }
    func isPrintable(_ i: Int) -> Bool {
        let c = self[i]
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && self[i + 1] >= 0xA0)
            || (c > 0xC2 && c < 0xED) || (c == 0xED && self[i + 1] < 0xA0) || c == 0xEE
            || (c == 0xEF && !(self[i + 1] == 0xBB && self[i + 2] == 0xBF)
                && !(self[i + 1] == 0xBF && (self[i + 2] == 0xBE || self[i + 2] == 0xBF)))
    }
    /// yaml.v3 checks the *start* of the value here, whatever `i` is.
    var startsWithBOM: Bool { self[0] == 0xEF && self[1] == 0xBB && self[2] == 0xBF }

    static func width(_ c: UInt8) -> Int {
        if c & 0x80 == 0 { return 1 }
        if c & 0xE0 == 0xC0 { return 2 }
        if c & 0xF0 == 0xE0 { return 3 }
        if c & 0xF8 == 0xF0 { return 4 }
        return 1
    }
}
