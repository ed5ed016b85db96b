import Foundation

/// Docker's default keychain as kpt's Go client uses it: `~/.docker/config.json` or `$DOCKER_CONFIG/config.json`
/// (then `$REGISTRY_AUTH_FILE`, then podman's `$XDG_RUNTIME_DIR/containers/auth.json`), with `credHelpers`
/// and `credsStore` answered by `docker-credential-*` executables. No file -> anonymous.
public struct DockerKeychain: Keychain {
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The config file that would be used, if any.
    public func configPath() -> String? {
        let fm = FileManager.default
        let home = environment["HOME"] ?? NSHomeDirectory()
        let dockerConfigDir = environment["DOCKER_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        var found = fm.fileExists(atPath: "\(home)/.docker/config.json")
        if !found, let dir = dockerConfigDir { found = fm.fileExists(atPath: "\(dir)/config.json") }
        if found { return "\(dockerConfigDir ?? "\(home)/.docker")/config.json" }
        if let file = environment["REGISTRY_AUTH_FILE"], !file.isEmpty, fm.fileExists(atPath: file) { return file }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty,
           fm.fileExists(atPath: "\(runtime)/containers/auth.json") {
            return "\(runtime)/containers/auth.json"
        }
        return nil
    }

    public func loadConfig() throws -> DockerConfig? {
        guard let path = configPath() else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try DockerConfig(json: data, path: path)
    }

    public func credentials(registry: String, repository: String) throws -> Credentials {
        guard let config = try loadConfig() else { return .anonymous }
        let helperPath = environment["PATH"].map { $0.split(separator: ":").map(String.init) }
        // The full repository first, then the registry host (Docker Hub under its v1 URL key).
        for key in ["\(registry)/\(repository)", DockerConfig.key(forRegistry: registry)] {
            if let helper = config.credHelpers[key] {
                return try CredentialHelper(name: helper, searchPath: helperPath).get(serverURL: key)
            }
            if let store = config.credsStore {
                let found = try CredentialHelper(name: store, searchPath: helperPath).get(serverURL: key)
                if found != .anonymous { return found }
            }
            if let entry = config.authEntry(forKey: key) {
                let creds = try DockerConfig.credentials(from: entry, key: key)
                if creds != .anonymous { return creds }
            }
        }
        return .anonymous
    }
}
