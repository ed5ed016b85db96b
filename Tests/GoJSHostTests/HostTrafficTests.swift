import XCTest
import GoJSHost

/// Issue #6 guard, without timing: the host's copying between linear memory and
/// Swift follows what each import passes (a write's bytes, the input and output
/// strings once), never the size of memory or everything written before. A host
/// that re-copied accumulated output, re-read the input per call or copied whole
/// memory would make these totals grow with the run instead of with the data.
final class HostTrafficTests: XCTestCase {
    /// What one run of chunked-writes copied, and its output checked.
    private func chunkedWrites(count: Int, size: Int) throws -> HostTraffic {
        let program = try GoProgram.start(module: try GoProgramOracleTests.module("chunked-writes"),
                                          arguments: ["chunked-writes", "\(count)", "\(size)"],
                                          limits: GoHostLimits(timeout: .seconds(120)))
        XCTAssertEqual(try program.runToCompletion(), 0, program.output.stderrText)
        XCTAssertEqual(program.output.stdout.count, count * size)
        XCTAssertEqual(program.output.stdout.filter { $0 == UInt8(ascii: "\n") }.count, count)
        return program.hostTraffic
    }

    func testChunkedWritesMatchNode() throws {
        let oracle = try Fixtures.nodeProgram("chunked-writes", arguments: ["chunked-writes", "40", "300"])
        let ours = try GoProgram.run(module: try GoProgramOracleTests.module("chunked-writes"),
                                     arguments: ["chunked-writes", "40", "300"])
        XCTAssertEqual(ours.exitCode, oracle.status)
        XCTAssertEqual(ours.output.stdoutText, oracle.stdoutText)
        XCTAssertEqual(ours.output.stdout.count, 40 * 300)
    }

    /// Each extra write costs its own bytes plus a few small strings (method
    /// names), the same for the 50th write as for the 200th.
    func testEachWriteCopiesOnlyItsOwnBytes() throws {
        let size = 1024
        let few = try chunkedWrites(count: 50, size: size)
        let many = try chunkedWrites(count: 200, size: size)
        let extraWrites = 150
        let extraBytes = many.bytesFromGuest - few.bytesFromGuest
        XCTAssertGreaterThanOrEqual(extraBytes, extraWrites * size, "every written byte is read once")
        XCTAssertLessThanOrEqual(extraBytes, extraWrites * (size + 128),
                                 "a write must not copy more than its bytes and a few names (\(few) vs \(many))")
        XCTAssertLessThanOrEqual(many.largestCopy, 4096, "no copy of accumulated output or of memory")
        // Copies per write are a constant: 4x the writes, at most ~4x the copies.
        let perWrite = Double(many.copies - few.copies) / Double(extraWrites)
        XCTAssertLessThan(perWrite, 20, "copies per write: \(perWrite)")
        // Nothing flows into linear memory per write (argv differs by one digit).
        XCTAssertLessThanOrEqual(abs(many.bytesToGuest - few.bytesToGuest), 16, "\(few) vs \(many)")
    }

    /// Same number of writes, bigger lines: the difference is exactly the extra bytes.
    func testWriteCostFollowsTheWriteSize() throws {
        let small = try chunkedWrites(count: 64, size: 256)
        let large = try chunkedWrites(count: 64, size: 2048)
        XCTAssertEqual(large.bytesFromGuest - small.bytesFromGuest, 64 * (2048 - 256),
                       "only the written bytes differ (\(small) vs \(large))")
        XCTAssertEqual(large.copies, small.copies)
    }

    /// A KRM function: the input string enters linear memory once and the
    /// output leaves it once, whatever the number of items.
    func testKRMFunctionCopiesInputAndOutputOnce() throws {
        for items in [4, 16] {
            let input = KRMStressTests.input(items: items, depth: 1)
            let program = try GoProgram.start(module: try GoProgramOracleTests.module("set-annotation"),
                                              arguments: ["krm-fn-wasm-wasmtime"],
                                              limits: GoHostLimits(timeout: .seconds(300)))
            let output = try program.call(global: "processResourceList", arguments: [.string(input)]).jsString
            XCTAssertTrue(output.contains("kind: ResourceList"), output)
            let t = program.hostTraffic
            let (inBytes, outBytes) = (input.utf8.count, output.utf8.count)
            XCTAssertGreaterThanOrEqual(t.bytesToGuest, inBytes, "\(items) items")
            XCTAssertLessThanOrEqual(t.bytesToGuest, inBytes + 4096, "\(items) items: input copied more than once? \(t)")
            XCTAssertGreaterThanOrEqual(t.bytesFromGuest, outBytes, "\(items) items")
            XCTAssertLessThanOrEqual(t.bytesFromGuest, outBytes + 4096, "\(items) items: output copied more than once? \(t)")
            XCTAssertLessThanOrEqual(t.largestCopy, max(inBytes, outBytes))
        }
    }
}
