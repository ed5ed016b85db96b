import Foundation

/// The rules of `spec-tests/skip.txt`: which files and which command forms the harness may skip.
struct SpecSkipList {
    private(set) var fileGlobs: [String] = []
    private(set) var skipTextMalformed = false

    init(text: String) {
        for raw in text.split(separator: "\n") {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line == "text-malformed" { skipTextMalformed = true }
            else if line.hasPrefix("file ") { fileGlobs.append(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces)) }
        }
    }

    func skipsFile(_ name: String) -> Bool {
        fileGlobs.contains { fnmatch($0, name, 0) == 0 }
    }
}
