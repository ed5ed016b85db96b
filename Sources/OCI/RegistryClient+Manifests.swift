import Foundation

/// A manifest or index as fetched: raw bytes (digests are over these), its media type and digest.
public struct FetchedManifest: Sendable {
    public let data: Data
    public let mediaType: String
    public let digest: Digest

    public var isIndex: Bool { MediaType.indexTypes.contains(mediaType) }
}

extension RegistryClient {
    /// GET a manifest or index by tag or digest, verifying its sha256 against the digest asked for
    /// and against the registry's Docker-Content-Digest header.
    public func manifest(_ identifier: String) throws -> FetchedManifest {
        let operation = "GET manifest \(identifier)"
        let response = try send(HTTPRequest(method: "GET", url: url("manifests/\(identifier)"),
                                            headers: ["Accept": MediaType.manifestAccept]), operation: operation)
        if response.status == 404 {
            let e = error(response, operation: operation)
            throw RegistryError(kind: .manifestUnknown, registry: registry, repository: repository, operation: operation,
                                status: 404, codes: e.codes,
                                detail: "no manifest for \(identifier.hasPrefix("sha256:") ? "digest" : "tag") \(identifier) (\(e.detail))")
        }
        guard response.status == 200 else { throw error(response, operation: operation) }
        let digest = Digest.sha256(of: response.body)
        if identifier.hasPrefix("sha256:"), digest.description != identifier {
            throw RegistryError(kind: .digestMismatch, registry: registry, repository: repository, operation: operation,
                                status: 200, detail: "content has digest \(digest), not the \(identifier) asked for")
        }
        if let header = response.header("Docker-Content-Digest"), header.hasPrefix("sha256:"), header != digest.description {
            throw RegistryError(kind: .digestMismatch, registry: registry, repository: repository, operation: operation,
                                status: 200, detail: "content has digest \(digest), registry says \(header)")
        }
        let contentType = response.header("Content-Type")?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let mediaType = ManifestJSON.mediaType(of: response.body) ?? contentType else {
            throw RegistryError(kind: .protocolViolation, registry: registry, repository: repository,
                                operation: operation, status: 200, detail: "manifest has no media type")
        }
        return FetchedManifest(data: response.body, mediaType: mediaType, digest: digest)
    }

    /// PUT a manifest or index under a tag or its digest; returns its digest.
    @discardableResult
    public func putManifest(_ data: Data, mediaType: String, as identifier: String) throws -> Digest {
        let operation = "PUT manifest \(identifier)"
        let response = try send(HTTPRequest(method: "PUT", url: url("manifests/\(identifier)"),
                                            headers: ["Content-Type": mediaType], body: data),
                                operation: operation, push: true)
        guard response.status == 201 || response.status == 200 else { throw error(response, operation: operation) }
        let digest = Digest.sha256(of: data)
        if let header = response.header("Docker-Content-Digest"), header.hasPrefix("sha256:"), header != digest.description {
            throw RegistryError(kind: .digestMismatch, registry: registry, repository: repository, operation: operation,
                                status: response.status, detail: "we sent \(digest), registry stored \(header)")
        }
        return digest
    }
}
