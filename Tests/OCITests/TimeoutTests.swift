import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import OCI

/// A host that accepts connections but never answers must fail within the configured timeout, not hang.
final class TimeoutTests: XCTestCase {
    func testSilentServerTimesOut() throws {
        // A listening socket that is never accept()ed: the kernel completes connections, nobody replies.
        let (fd, port) = try boundLoopbackSocket()
        defer { close(fd) }
        XCTAssertEqual(listen(fd, 16), 0)

        let options = RegistryOptions(keychain: AnonymousKeychain(), timeout: 1)
        let start = Date()
        XCTAssertThrowsError(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: "127.0.0.1:\(port)/slow/fn:v1"))) { error in
            XCTAssertEqual((error as? RegistryError)?.kind, .unreachable, "\(error)")
            XCTAssertTrue("\(error)".contains("registry 127.0.0.1:\(port), repository slow/fn"), "\(error)")
        }
        // Three attempts of ~1 s plus the retry delays; far below the default timeout.
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }
}
