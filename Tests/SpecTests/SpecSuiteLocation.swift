import Foundation

/// Finds the spec suite and the skip list: `$WASM_SPEC_TESTS`, else `spec-tests/suite-path` from the package root.
struct SpecSuiteLocation {
    let packageRoot: URL
    let suiteRoot: URL

    init() {
        packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        if let env = ProcessInfo.processInfo.environment["WASM_SPEC_TESTS"], !env.isEmpty {
            suiteRoot = URL(fileURLWithPath: env)
        } else {
            let pointer = packageRoot.appendingPathComponent("spec-tests/suite-path")
            let relative = (try? String(contentsOf: pointer, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "../shared/wasm-spec-tests"
            suiteRoot = packageRoot.appendingPathComponent(relative).standardizedFileURL
        }
    }

    var exists: Bool { FileManager.default.fileExists(atPath: suiteRoot.appendingPathComponent("core").path) }

    /// The JSON script of every test folder under `suite` (e.g. "core", "proposals/tail-call"), sorted by name.
    func scripts(in suite: String) throws -> [URL] {
        let dir = suiteRoot.appendingPathComponent(suite)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return names.compactMap { name in
            let json = dir.appendingPathComponent(name).appendingPathComponent("\(name).json")
            return FileManager.default.fileExists(atPath: json.path) ? json : nil
        }
    }

    func skipList() throws -> SpecSkipList {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("spec-tests/skip.txt"), encoding: .utf8)
        return SpecSkipList(text: text)
    }
}
