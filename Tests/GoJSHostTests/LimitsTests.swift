import XCTest
import GoJSHost

/// Memory and time limits end a misbehaving guest with a clear error.
final class LimitsTests: XCTestCase {
    func testMemoryLimitStopsAnAllocatingProgram() throws {
        let module = try GoProgramOracleTests.module("resource-hog")
        let limits = GoHostLimits(maxMemoryBytes: 32 << 20, timeout: .seconds(120))
        XCTAssertThrowsError(try GoProgram.run(module: module, arguments: ["hog", "memory"], limits: limits)) { error in
            guard case GoHostError.memoryLimitExceeded(let limit, let stderr) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(limit, 32 << 20)
            XCTAssertTrue(stderr.contains("out of memory"), stderr)
            XCTAssertTrue("\(error)".hasPrefix("memory limit 32MiB exceeded"), "\(error)")
        }
    }

    func testMemoryLimitBelowTheInitialMemory() throws {
        let module = try GoProgramOracleTests.module("hello")
        XCTAssertThrowsError(try GoProgram.run(module: module, limits: GoHostLimits(maxMemoryBytes: 1 << 20))) { error in
            guard case GoHostError.memoryLimitExceeded(let limit, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(limit, 1 << 20)
            XCTAssertTrue("\(error)".hasPrefix("memory limit 1MiB exceeded:\nthe module needs "), "\(error)")
        }
    }

    func testTimeoutStopsASpinningProgram() throws {
        let module = try GoProgramOracleTests.module("resource-hog")
        let started = ContinuousClock.now
        XCTAssertThrowsError(try GoProgram.run(module: module, arguments: ["hog", "spin"], limits: GoHostLimits(timeout: .seconds(4)))) { error in
            guard case GoHostError.timedOut(let limit) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(limit, .seconds(4))
            XCTAssertEqual("\(error)", "function timed out after 4s")
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(30))
    }

    func testTimeoutCoversWaitingOnTimers() throws {
        let module = try GoProgramOracleTests.module("resource-hog")
        let started = ContinuousClock.now
        XCTAssertThrowsError(try GoProgram.run(module: module, arguments: ["hog", "sleep"], limits: GoHostLimits(timeout: .seconds(4)))) { error in
            guard case GoHostError.timedOut = error else { return XCTFail("\(error)") }
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(30))
    }

    func testNotAGoModule() throws {
        // A minimal valid module with no imports and no exports.
        let empty: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
        XCTAssertThrowsError(try GoProgram.start(module: try GoProgram.parseModule(empty))) { error in
            XCTAssertEqual("\(error)", "run: missing export (not a Go js/wasm module? expected run(argc, argv))")
        }
        // Imports from an unknown module are named.
        let withImport: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
                                   0x01, 0x04, 0x01, 0x60, 0x00, 0x00,                       // type () -> ()
                                   0x02, 0x09, 0x01, 0x03, 0x65, 0x6E, 0x76, 0x01, 0x66, 0x00, 0x00]   // import env.f
        XCTAssertThrowsError(try GoProgram.start(module: try GoProgram.parseModule(withImport))) { error in
            XCTAssertTrue("\(error)".hasPrefix("unsupported import env.f"), "\(error)")
        }
    }
}
