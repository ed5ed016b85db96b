import Foundation
import XCTest
@testable import OCI

/// Our gzip against the gzip(1) tool as the oracle, both directions.
final class GzipTests: XCTestCase {
    func sample(_ n: Int) -> [UInt8] {
        var state: UInt32 = 12345
        return (0..<n).map { i in
            state = state &* 1_103_515_245 &+ 12345
            return i % 3 == 0 ? UInt8(truncatingIfNeeded: state >> 16) : UInt8(i % 7)
        }
    }

    func testGzipToolDecompressesOurOutput() throws {
        let gzip = try ToolCheck.require("gzip", package: "gzip")
        for size in [0, 1, 100_000] {
            let input = sample(size)
            let compressed = try Gzip.compress(input)
            XCTAssertTrue(Gzip.isGzip(compressed))
            let result = try runTool(gzip, ["-d", "-c"], input: Data(compressed))
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual([UInt8](result.stdout), input, "size \(size)")
        }
    }

    func testWeDecompressGzipToolOutputIncludingMultipleMembers() throws {
        let gzip = try ToolCheck.require("gzip", package: "gzip")
        let a = sample(50_000), b = Array("second member".utf8)
        let ga = try runTool(gzip, ["-9", "-c"], input: Data(a)).stdout
        let gb = try runTool(gzip, ["-1", "-c"], input: Data(b)).stdout
        XCTAssertEqual(try Gzip.decompress([UInt8](ga)), a)
        XCTAssertEqual(try Gzip.decompress([UInt8](ga + gb)), a + b)
    }

    func testTruncatedAndCorruptStreamsFail() throws {
        let compressed = try Gzip.compress(sample(20_000))
        XCTAssertThrowsError(try Gzip.decompress(Array(compressed.prefix(compressed.count / 2)))) { error in
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
        }
        var corrupt = compressed
        corrupt[corrupt.count - 3] ^= 0xff   // inside the CRC32/size trailer
        XCTAssertThrowsError(try Gzip.decompress(corrupt))
    }

    func testSHA256MatchesSha256sum() throws {
        let tool = try ToolCheck.require("sha256sum", package: "coreutils")
        let input = sample(70_001)
        let out = String(decoding: try runTool(tool, ["-"], input: Data(input)).stdout, as: UTF8.self)
        XCTAssertEqual(Digest.sha256(of: input).hex, String(out.prefix(64)))
        XCTAssertEqual(Digest.sha256(of: [UInt8]()).hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
