import Foundation
import XCTest
@testable import KptFn

/// Shared helpers: fixture paths, temp copies of fixture packages, captured console.
enum Fixtures {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()   // KptFnTests
        url.deleteLastPathComponent()   // Tests
        return url.appendingPathComponent("Fixtures").path
    }()

    static var packages: String { root + "/packages" }
    static func function(_ name: String) -> String { packages + "/functions/" + name }

    /// A fresh copy of `Tests/Fixtures/packages/<name>` in a temp dir; returns its path.
    static func copyPackage(_ name: String) throws -> String {
        let dir = try temporaryDirectory()
        let target = dir + "/" + name
        try FileManager.default.copyItem(atPath: packages + "/" + name, toPath: target)
        // Kptfile `exec:` paths are relative to the CWD, so fixtures name functions by placeholder.
        let walker = FileManager.default.enumerator(atPath: target)
        while let rel = walker?.nextObject() as? String {
            guard rel.hasSuffix("Kptfile") else { continue }
            let path = target + "/" + rel
            let text = read(path).replacingOccurrences(of: "@FUNCTIONS@", with: packages + "/functions")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return target
    }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kptfn-tests-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>"
    }

    /// Builds the Go fixtures (scripts/build-go-fixtures.sh) once per test process when `go` is
    /// available; the tests that need them then skip locally or fail under CI=true if still missing.
    static let goFixturesBuilt: Bool = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard paths.contains(where: { FileManager.default.isExecutableFile(atPath: $0 + "/go") }) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let repository = URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent().path
        process.arguments = [repository + "/scripts/build-go-fixtures.sh", root + "/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// A Go-built native fixture from scripts/build-go-fixtures.sh; skipped locally, fatal in CI.
    static func nativeGoFunction(_ name: String) throws -> String {
        _ = goFixturesBuilt
        let path = root + "/bin/native/" + name
        if !FileManager.default.isExecutableFile(atPath: path) {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("missing \(path): run scripts/build-go-fixtures.sh")
            }
            throw XCTSkip("\(path) not built (scripts/build-go-fixtures.sh)")
        }
        return path
    }
}

/// Captures what a command prints.
final class CapturedIO {
    var stdout = ""
    var stderr = ""
    var stdin: [UInt8] = []

    var io: FunctionIO {
        FunctionIO(readStdin: { self.stdin }, writeStdout: { self.stdout += $0 }, writeStderr: { self.stderr += $0 })
    }
}
