import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A free TCP port on 127.0.0.1 (bound to port 0, read back, released).
func freeLoopbackPort() throws -> Int {
    let (fd, port) = try boundLoopbackSocket()
    close(fd)
    return port
}

/// A TCP socket bound to 127.0.0.1 on a port the kernel picks, and that port; the caller closes it.
func boundLoopbackSocket() throws -> (fd: Int32, port: Int) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXFailure("socket") }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else {
        let failure = POSIXFailure("bind")
        close(fd)
        throw failure
    }
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    return (fd, Int(UInt16(bigEndian: addr.sin_port)))
}

struct POSIXFailure: Error, CustomStringConvertible {
    let call: String
    let code = errno
    init(_ call: String) { self.call = call }
    var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
}

/// True once something accepts TCP connections on 127.0.0.1:port.
func waitForPort(_ port: Int, timeout: TimeInterval = 15) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        close(fd)
        if ok == 0 { return true }
        usleep(50_000)
    }
    return false
}

/// A background process we started and must stop (by its own pid only).
final class ServiceProcess {
    let name: String
    let process = Process()
    let logPath: String

    init(name: String, executable: String, arguments: [String], logPath: String) throws {
        self.name = name
        self.logPath = logPath
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}

/// Debian's `docker-registry` (distribution 2.8) on 127.0.0.1 with filesystem storage in a temp dir.
final class LocalRegistry {
    enum Auth {
        case none
        case htpasswd(file: String)
        case token(realm: String, service: String, issuer: String, rootCertBundle: String)
    }

    let port: Int
    let dir: URL
    private var service: ServiceProcess?

    var host: String { "127.0.0.1:\(port)" }

    init(auth: Auth) throws {
        let executable = try ToolCheck.require("docker-registry", package: "docker-registry")
        dir = try makeTempDir("registry")
        port = try freeLoopbackPort()
        var config = """
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: \(dir.path)/data
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:\(port)
          secret: swift-kpt-tests

        """
        switch auth {
        case .none:
            break
        case let .htpasswd(file):
            config += "auth:\n  htpasswd:\n    realm: swift-kpt-test\n    path: \(file)\n"
        case let .token(realm, service, issuer, bundle):
            config += "auth:\n  token:\n    realm: \(realm)\n    service: \(service)\n    issuer: \(issuer)\n    rootcertbundle: \(bundle)\n"
        }
        let configPath = dir.appendingPathComponent("config.yml").path
        try Data(config.utf8).write(to: URL(fileURLWithPath: configPath))
        service = try ServiceProcess(name: "docker-registry", executable: executable, arguments: ["serve", configPath],
                                     logPath: dir.appendingPathComponent("registry.log").path)
        guard waitForPort(port) else {
            let log = service?.log ?? ""
            stop()
            throw POSIXFailureMessage("docker-registry did not start on port \(port): \(log)")
        }
    }

    func stop() {
        service?.stop()
        service = nil
        try? FileManager.default.removeItem(at: dir)
    }

    deinit { stop() }
}

struct POSIXFailureMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
