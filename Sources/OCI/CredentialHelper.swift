import Foundation

/// Runs `docker-credential-<name> get` with the server URL on stdin, as docker's helper protocol says.
public struct CredentialHelper: Sendable {
    public let name: String
    /// Directories searched for the executable (default: $PATH).
    public let searchPath: [String]

    public init(name: String, searchPath: [String]? = nil) {
        self.name = name
        self.searchPath = searchPath ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            .split(separator: ":").map(String.init)
    }

    public var executableName: String { "docker-credential-\(name)" }

    public func get(serverURL: String) throws -> Credentials {
        guard let executable = searchPath.map({ "\($0)/\(executableName)" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw OCIError.credentials("credential helper \(executableName) not found in PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["get"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw OCIError.credentials("cannot run \(executable): \(error.localizedDescription)")
        }
        input.fileHandleForWriting.write(Data(serverURL.utf8))
        try? input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let outText = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationStatus != 0 {
            // The helper protocol reports "no entry" on stdout with a failing status; that means anonymous.
            if outText.contains("credentials not found") { return .anonymous }
            let errText = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw OCIError.credentials("\(executableName) get \(serverURL) failed (exit \(process.terminationStatus)): "
                + (outText.isEmpty ? errText : outText))
        }
        guard let json = try? JSONSerialization.jsonObject(with: out) as? [String: Any] else {
            throw OCIError.credentials("\(executableName) get \(serverURL): output is not a JSON object")
        }
        let user = json["Username"] as? String ?? ""
        let secret = json["Secret"] as? String ?? ""
        if user == "<token>" { return .identityToken(secret) }
        if user.isEmpty && secret.isEmpty { return .anonymous }
        return .basic(username: user, password: secret)
    }
}
