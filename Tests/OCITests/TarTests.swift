import Foundation
import XCTest
@testable import OCI

/// Our tar writer and reader against GNU tar as the oracle.
final class TarTests: XCTestCase {
    func testWrittenArchiveIsReadByGNUTar() throws {
        let tar = try ToolCheck.require("tar", package: "tar")
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let module: [UInt8] = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0] + (0..<1000).map { UInt8($0 % 251) }
        let archive = try TarWriter.archive([(name: "my-fn.wasm", data: module, mode: 0o644)])
        XCTAssertEqual(archive.count % 512, 0)
        try Data(archive).write(to: dir.appendingPathComponent("a.tar"))

        let listing = try runTool(tar, ["-tvf", dir.appendingPathComponent("a.tar").path])
        XCTAssertEqual(listing.status, 0, listing.stderr)
        let line = String(decoding: listing.stdout, as: UTF8.self)
        XCTAssertTrue(line.hasPrefix("-rw-r--r-- 0/0"), line)
        XCTAssertTrue(line.contains("1970-01-01"), line)
        XCTAssertTrue(line.hasSuffix("my-fn.wasm\n"), line)

        let extract = try runTool(tar, ["-xf", "a.tar"], currentDirectory: dir.path)
        XCTAssertEqual(extract.status, 0, extract.stderr)
        XCTAssertEqual(try [UInt8](Data(contentsOf: dir.appendingPathComponent("my-fn.wasm"))), module)
    }

    func testReadsArchivesWrittenByGNUTarIncludingDirectoriesAndLongNames() throws {
        let tar = try ToolCheck.require("tar", package: "tar")
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // USTAR can only split a long path at a '/' (prefix + name); PAX and GNU also store one long component.
        let splittable = String(repeating: "d", count: 60) + "/" + String(repeating: "e", count: 60)
        let oneComponent = String(repeating: "f", count: 120)
        let content = Data((0..<777).map { UInt8($0 & 0xff) })
        for (format, path) in [("ustar", splittable), ("pax", oneComponent), ("gnu", oneComponent)] {
            let src = dir.appendingPathComponent("src-\(format)")
            try FileManager.default.createDirectory(at: src.appendingPathComponent(path), withIntermediateDirectories: true)
            try content.write(to: src.appendingPathComponent("\(path)/fn.wasm"))
            let made = try runTool(tar, ["--format=\(format)", "-cf", "\(format).tar", "-C", src.path, "."], currentDirectory: dir.path)
            XCTAssertEqual(made.status, 0, made.stderr)
            let entries = try TarReader.entries([UInt8](Data(contentsOf: dir.appendingPathComponent("\(format).tar"))))
            let files = entries.filter { $0.kind == .regular }
            XCTAssertEqual(files.count, 1, format)
            XCTAssertEqual(files.first?.name, "./\(path)/fn.wasm", format)
            XCTAssertEqual(files.first.map { Data($0.data) }, content, format)
            XCTAssertTrue(entries.contains { $0.kind == .directory }, format)
        }
    }

    /// kpt never closes its tar writer: header + bytes, no padding, no end blocks. Go's reader accepts it; so must we.
    func testReadsKptsUnterminatedArchive() throws {
        let module: [UInt8] = Array("\0asm\u{1}\0\0\0hello".utf8)
        let full = try TarWriter.archive([(name: "fn.wasm", data: module, mode: 0o644)])
        let kptStyle = Array(full.prefix(512 + module.count))
        let entries = try TarReader.entries(kptStyle)
        XCTAssertEqual(entries.map(\.name), ["fn.wasm"])
        XCTAssertEqual(entries.first?.data, module)
    }

    func testTruncatedDataIsAnErrorNotAShortFile() throws {
        let full = try TarWriter.archive([(name: "fn.wasm", data: [UInt8](repeating: 7, count: 2000), mode: 0o644)])
        XCTAssertThrowsError(try TarReader.entries(Array(full.prefix(512 + 1000)))) { error in
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
        }
    }

    func testCorruptHeaderChecksumIsReported() throws {
        var full = try TarWriter.archive([(name: "fn.wasm", data: [1, 2, 3], mode: 0o644)])
        full[0] ^= 0x20
        XCTAssertThrowsError(try TarReader.entries(full)) { error in
            XCTAssertTrue("\(error)".contains("checksum"), "\(error)")
        }
    }
}
