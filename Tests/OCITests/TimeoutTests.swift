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
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(listen(fd, 16), 0)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        let port = Int(UInt16(bigEndian: addr.sin_port))

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
