import Foundation

/// The on-disk module cache: modules content-addressed at `<root>/sha256/<hex>`, and for each fully qualified
/// reference a small record at `<root>/refs/<sha256 of the reference>.json` naming its manifest and module digests.
/// Every file is written to a temp file and renamed, and a module is re-hashed on every read.
public struct WasmCache: Sendable {
    public let root: URL

    struct Record: Codable {
        var reference: String
        var manifest: Digest
        var module: Digest
    }

    public init(root: URL) { self.root = root }

    /// `$XDG_CACHE_HOME/swift-kpt/wasm`, else `~/.cache/swift-kpt/wasm`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { base = xdg }
        else { base = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.cache" }
        return URL(fileURLWithPath: base).appendingPathComponent("swift-kpt/wasm")
    }

    public func modulePath(_ digest: Digest) -> URL { root.appendingPathComponent("\(digest.algorithm)/\(digest.hex)") }

    private func recordPath(_ reference: ImageReference) -> URL {
        root.appendingPathComponent("refs/\(Digest.sha256(of: Array(reference.qualified.utf8)).hex).json")
    }

    func record(for reference: ImageReference) -> Record? {
        guard let data = FileManager.default.contents(atPath: recordPath(reference).path),
              let record = try? JSONDecoder().decode(Record.self, from: data),
              record.reference == reference.qualified else { return nil }
        return record
    }

    /// The cached module, if present and intact.
    public func module(_ digest: Digest) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: modulePath(digest).path) else { return nil }
        let bytes = [UInt8](data)
        return Digest.sha256(of: bytes) == digest ? bytes : nil
    }

    /// The cached module for a reference, if both the record and an intact module are there.
    public func module(for reference: ImageReference) -> [UInt8]? {
        record(for: reference).flatMap { module($0.module) }
    }

    /// Stores a module and points the reference at it.
    public func store(_ bytes: [UInt8], for reference: ImageReference, manifest: Digest) throws {
        let digest = Digest.sha256(of: bytes)
        try Self.atomicWrite(Data(bytes), to: modulePath(digest))
        let record = Record(reference: reference.qualified, manifest: manifest, module: digest)
        try Self.atomicWrite(try JSONEncoder().encode(record), to: recordPath(reference))
    }

    /// Writes next to the destination and renames, so readers never see a partial file.
    static func atomicWrite(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: temp.path, contents: data) else {
                throw OCIError.io("cannot create \(temp.path)")
            }
            if rename(temp.path, url.path) != 0 {
                let message = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temp)
                throw OCIError.io("cannot rename \(temp.path) to \(url.path): \(message)")
            }
        } catch let error as OCIError {
            throw error
        } catch {
            throw OCIError.io("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
