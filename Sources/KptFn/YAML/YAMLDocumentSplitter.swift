/// Splits a multi-document file the way kyaml's ByteReader does before handing each part to
/// the YAML parser: CRLF becomes LF, and every line starting with `---` (only a comment may
/// follow on that line) separates documents. Comments around separators therefore stay
/// with the document they are written in.
extension YAML {
    /// The document texts of `text` (separator lines removed; all but the last keep their
    /// final newline).
    public static func splitDocuments(_ text: String) throws -> [String] {
        var bytes = Array(text.utf8)
        if bytes.contains(0x0D) { bytes = normalizeLineEndings(bytes) }
        guard !bytes.isEmpty else { return [] }
        var parts: [String] = []
        var partStart = 0
        var i = 0
        // A separator is "\n---<anything>\n"; the leading newline ends the previous part.
        while i < bytes.count {
            guard bytes[i] == 0x0A, i + 4 < bytes.count,
                  bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-"),
                  let lineEnd = bytes[(i + 4)...].firstIndex(of: 0x0A) else {
                i += 1
                continue
            }
            let rest = String(decoding: bytes[(i + 4)..<lineEnd], as: UTF8.self)
            let trimmed = rest.trimmingCharacters(in: " \t\r\n\u{0B}\u{0C}")
            if let first = trimmed.first, first != "#" {
                let line = String(decoding: bytes[(i + 1)..<lineEnd], as: UTF8.self)
                throw YAMLError("invalid document separator: \(line.trimmingCharacters(in: " \t\r\n\u{0B}\u{0C}"))",
                                fromYAMLLibrary: false)
            }
            parts.append(String(decoding: bytes[partStart..<i], as: UTF8.self) + "\n")
            partStart = lineEnd + 1
            i = lineEnd + 1
        }
        parts.append(String(decoding: bytes[partStart...], as: UTF8.self))
        return parts
    }

    /// Parses a resource file like kpt: split into documents (see `splitDocuments`), parse
    /// the first document of each part, skip parts without content.
    public static func parseResources(_ text: String) throws -> [YAMLNode] {
        var documents: [YAMLNode] = []
        for part in try splitDocuments(text) {
            if let doc = try parse(part).first { documents.append(doc) }
        }
        return documents
    }

    static func normalizeLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                i += 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, chars.contains(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, chars.contains(l) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
