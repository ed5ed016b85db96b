import Foundation
import XCTest

/// Finds the official spec suite: $WASM_SPEC_TESTS, else `spec-tests/suite-path` (relative to the package root).
enum SpecSuiteLocator {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func coreDirectory() -> URL? {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["WASM_SPEC_TESTS"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        let pointer = packageRoot.appendingPathComponent("spec-tests/suite-path")
        if let text = try? String(contentsOf: pointer, encoding: .utf8) {
            let relative = text.trimmingCharacters(in: .whitespacesAndNewlines)
            candidates.append(packageRoot.appendingPathComponent(relative))
        }
        candidates.append(packageRoot.appendingPathComponent("../shared/wasm-spec-tests"))
        for c in candidates {
            let core = c.appendingPathComponent("core")
            if FileManager.default.fileExists(atPath: core.path) { return core.standardizedFileURL }
        }
        return nil
    }
}
