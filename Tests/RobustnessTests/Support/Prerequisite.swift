import Foundation
import XCTest

/// A missing tool or fixture: a skip on a developer's machine, a loud failure in CI (CI=true).
enum Prerequisite {
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static func missing(_ what: String, file: StaticString = #filePath, line: UInt = #line) throws -> Never {
        if inCI { XCTFail("prerequisite missing in CI: \(what)", file: file, line: line) }
        throw XCTSkip(what)
    }

    /// The absolute path of an executable on PATH, or nil.
    static func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
