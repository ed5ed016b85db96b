/// One entry of a tar archive.
public struct TarEntry: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case regular, directory, symlink, hardLink, other(UInt8) }
    public var name: String
    public var kind: Kind
    public var mode: Int
    public var data: [UInt8]
    public var linkName: String = ""
}

/// Writes a USTAR archive the way kpt packs a wasm module: regular files, uid/gid 0, mtime 0, no user names.
/// Unlike kpt (which never closes its writer) the archive is well-formed: padded and ended by two zero blocks.
public enum TarWriter {
    public static func archive(_ files: [(name: String, data: [UInt8], mode: Int)]) throws -> [UInt8] {
        var out: [UInt8] = []
        for file in files {
            out += try header(name: file.name, size: file.data.count, mode: file.mode)
            out += file.data
            out += [UInt8](repeating: 0, count: (512 - file.data.count % 512) % 512)
        }
        out += [UInt8](repeating: 0, count: 1024)
        return out
    }

    static func header(name: String, size: Int, mode: Int) throws -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        var nameBytes = Array(name.utf8), prefix: [UInt8] = []
        if nameBytes.count > 100 {
            // USTAR splits long paths at a '/' into prefix (155) and name (100).
            guard let cut = nameBytes.indices.last(where: { nameBytes[$0] == UInt8(ascii: "/") && $0 <= 155
                                                       && nameBytes.count - $0 - 1 <= 100 }) else {
                throw OCIError.invalidArchive("file name \"\(name)\" is too long for a USTAR header")
            }
            prefix = Array(nameBytes[..<cut])
            nameBytes = Array(nameBytes[(cut + 1)...])
        }
        func put(_ bytes: [UInt8], at offset: Int) { h.replaceSubrange(offset..<offset + bytes.count, with: bytes) }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        guard size < 0o77777777777 else { throw OCIError.invalidArchive("\"\(name)\" is too large for USTAR") }
        put(nameBytes, at: 0)
        put(octal(mode, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put(Array("        ".utf8), at: 148)
        h[156] = UInt8(ascii: "0")
        put(Array("ustar\u{0}00".utf8), at: 257)
        put(prefix, at: 345)
        let sum = h.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7) + [UInt8(ascii: " ")], at: 148)
        return h
    }
}

/// Reads tar archives leniently enough for kpt's own pushes, whose archive stops right after the file's
/// bytes (no padding, no end blocks). Understands USTAR, PAX (`path`, `size`, `linkpath`) and GNU long names.
public enum TarReader {
    public static func entries(_ bytes: [UInt8]) throws -> [TarEntry] {
        var result: [TarEntry] = []
        var offset = 0
        var paxPath: String? = nil, paxSize: Int? = nil, paxLink: String? = nil, gnuLongName: String? = nil
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { break }
            try verifyChecksum(header, offset: offset)
            let type = header[offset + 156]
            var size = try number(header, offset + 124, 12, field: "size", at: offset)
            if let s = paxSize { size = s }
            let dataStart = offset + 512
            guard size >= 0, dataStart + size <= bytes.count else {
                throw OCIError.invalidArchive("entry at offset \(offset) needs \(size) bytes but only \(max(0, bytes.count - dataStart)) remain (truncated archive)")
            }
            let data = Array(bytes[dataStart..<dataStart + size])
            offset = min(bytes.count, dataStart + (size + 511) / 512 * 512)
            switch type {
            case UInt8(ascii: "x"):
                let records = parsePax(data)
                paxPath = records["path"]; paxLink = records["linkpath"]; paxSize = records["size"].flatMap { Int($0) }
                continue
            case UInt8(ascii: "g"):
                continue
            case UInt8(ascii: "L"):
                gnuLongName = string(data[...])
                continue
            default:
                break
            }
            var name = string(header[Self.field(header, 0)..<Self.field(header, 100)])
            let magic = Array(header[Self.field(header, 257)..<Self.field(header, 263)])
            if magic == Array("ustar\u{0}".utf8) {
                let prefix = string(header[Self.field(header, 345)..<Self.field(header, 500)])
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            name = paxPath ?? gnuLongName ?? name
            let link = paxLink ?? string(header[Self.field(header, 157)..<Self.field(header, 257)])
            let mode = (try? number(header, header.startIndex + 100, 8, field: "mode", at: 0)) ?? 0
            let kind: TarEntry.Kind
            switch type {
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): kind = name.hasSuffix("/") ? .directory : .regular
            case UInt8(ascii: "5"): kind = .directory
            case UInt8(ascii: "2"): kind = .symlink
            case UInt8(ascii: "1"): kind = .hardLink
            default: kind = .other(type)
            }
            result.append(TarEntry(name: name, kind: kind, mode: mode, data: kind == .regular ? data : [], linkName: link))
            paxPath = nil; paxSize = nil; paxLink = nil; gnuLongName = nil
        }
        if offset < bytes.count, bytes.count - offset < 512, !bytes[offset...].allSatisfy({ $0 == 0 }) {
            throw OCIError.invalidArchive("\(bytes.count - offset) stray bytes after the last entry at offset \(offset)")
        }
        return result
    }

    private static func field(_ header: ArraySlice<UInt8>, _ field: Int) -> Int { header.startIndex + field }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func verifyChecksum(_ header: ArraySlice<UInt8>, offset: Int) throws {
        let stored = try number(header, header.startIndex + 148, 8, field: "checksum", at: offset)
        var unsigned = 0, signed = 0
        for (i, b) in header.enumerated() {
            unsigned += (148..<156).contains(i) ? 32 : Int(b)
            signed += (148..<156).contains(i) ? 32 : Int(Int8(bitPattern: b))
        }
        // Some old writers summed signed bytes; accept either, as other readers do.
        guard stored == unsigned || stored == signed else {
            throw OCIError.invalidArchive("bad header checksum at offset \(offset) (stored \(stored), computed \(unsigned))")
        }
    }

    /// An octal field, or GNU base-256 when the high bit of the first byte is set.
    private static func number(_ header: ArraySlice<UInt8>, _ start: Int, _ width: Int, field: String, at offset: Int) throws -> Int {
        let bytes = header[start..<start + width]
        if let first = bytes.first, first & 0x80 != 0 {
            var value = Int(first & 0x7f)
            for b in bytes.dropFirst() {
                guard value < (Int.max >> 8) else { throw OCIError.invalidArchive("\(field) too large at offset \(offset)") }
                value = value << 8 | Int(b)
            }
            return value
        }
        let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: " ")
        if text.isEmpty { return 0 }
        guard let value = Int(text, radix: 8) else {
            throw OCIError.invalidArchive("bad \(field) field \"\(text)\" in header at offset \(offset)")
        }
        return value
    }

    /// PAX records: "<length> <key>=<value>\n".
    private static func parsePax(_ data: [UInt8]) -> [String: String] {
        var records: [String: String] = [:]
        var i = 0
        while i < data.count {
            guard let space = data[i...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: data[i..<space], as: UTF8.self)), length > 0,
                  i + length <= data.count else { break }
            let record = data[(space + 1)..<(i + length - 1)]
            if let eq = record.firstIndex(of: UInt8(ascii: "=")) {
                records[String(decoding: record[..<eq], as: UTF8.self)] =
                    String(decoding: record[(eq + 1)...], as: UTF8.self)
            }
            i += length
        }
        return records
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
