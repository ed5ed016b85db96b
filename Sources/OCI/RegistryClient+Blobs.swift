import Foundation

extension RegistryClient {
    /// HEAD a blob: true if the repository has it.
    public func blobExists(_ digest: Digest) throws -> Bool {
        let operation = "HEAD blob \(digest)"
        let response = try send(HTTPRequest(method: "HEAD", url: url("blobs/\(digest)")), operation: operation)
        switch response.status {
        case 200: return true
        case 404: return false
        default: throw error(response, operation: operation)
        }
    }

    /// GET a blob, checking its size and sha256 against the descriptor.
    public func blob(_ descriptor: Descriptor) throws -> Data {
        let operation = "GET blob \(descriptor.digest)"
        let response = try send(HTTPRequest(method: "GET", url: url("blobs/\(descriptor.digest)")), operation: operation)
        guard response.status == 200 else { throw error(response, operation: operation) }
        if response.body.count != descriptor.size {
            throw RegistryError(kind: .sizeMismatch, registry: registry, repository: repository, operation: operation,
                                status: 200, detail: response.body.count < descriptor.size
                                    ? "truncated download: got \(response.body.count) of \(descriptor.size) bytes"
                                    : "got \(response.body.count) bytes, descriptor says \(descriptor.size)")
        }
        let actual = Digest.sha256(of: response.body)
        guard actual == descriptor.digest else {
            throw RegistryError(kind: .digestMismatch, registry: registry, repository: repository, operation: operation,
                                status: 200, detail: "downloaded content has digest \(actual)")
        }
        return response.body
    }

    /// How an upload ended.
    public enum UploadOutcome: Equatable, Sendable { case alreadyPresent, mounted, uploaded }

    /// Uploads a blob unless the repository has it: cross-repository mount from `mountFrom` (same registry) when
    /// possible, else POST then one PUT, or PATCH chunks then PUT when larger than `options.chunkSize`.
    @discardableResult
    public func uploadBlob(_ data: Data, mountFrom: String? = nil) throws -> UploadOutcome {
        let digest = Digest.sha256(of: data)
        if try blobExists(digest) { return .alreadyPresent }
        var operation = "POST blob upload \(digest)"
        var start = url("blobs/uploads/")
        var extraScopes: [String] = []
        if let from = mountFrom, from != repository {
            var c = URLComponents(url: start, resolvingAgainstBaseURL: false)!
            c.queryItems = [URLQueryItem(name: "mount", value: digest.description), URLQueryItem(name: "from", value: from)]
            start = c.url!
            extraScopes = ["repository:\(from):pull"]
            operation = "POST blob mount \(digest) from \(from)"
        }
        let opened = try send(HTTPRequest(method: "POST", url: start), operation: operation, push: true,
                              extraScopes: extraScopes)
        if opened.status == 201, mountFrom != nil { return .mounted }
        guard opened.status == 202 else { throw error(opened, operation: operation) }
        var location = try uploadLocation(opened, operation: operation)

        if data.count > options.chunkSize {
            var offset = 0
            while offset < data.count {
                let end = min(offset + options.chunkSize, data.count)
                let op = "PATCH blob \(digest) bytes \(offset)-\(end - 1)"
                let r = try send(HTTPRequest(method: "PATCH", url: location,
                                             headers: ["Content-Type": "application/octet-stream",
                                                       "Content-Range": "\(offset)-\(end - 1)"],
                                             body: data.subdata(in: offset..<end)), operation: op, push: true)
                guard r.status == 202 else { throw error(r, operation: op) }
                location = try uploadLocation(r, operation: op)
                offset = end
            }
            try finishUpload(location, digest: digest, body: nil)
        } else {
            try finishUpload(location, digest: digest, body: data)
        }
        return .uploaded
    }

    private func finishUpload(_ location: URL, digest: Digest, body: Data?) throws {
        var c = URLComponents(url: location, resolvingAgainstBaseURL: false)!
        c.queryItems = (c.queryItems ?? []) + [URLQueryItem(name: "digest", value: digest.description)]
        // URLComponents leaves ':' unescaped in queries; registries accept both forms.
        let op = "PUT blob \(digest)"
        let r = try send(HTTPRequest(method: "PUT", url: c.url!, headers: ["Content-Type": "application/octet-stream"],
                                     body: body ?? Data()), operation: op, push: true)
        guard r.status == 201 || r.status == 204 else { throw error(r, operation: op) }
    }

    private func uploadLocation(_ response: HTTPResponse, operation: String) throws -> URL {
        guard let location = response.header("Location"), let u = URL(string: location, relativeTo: response.url) else {
            throw error(response, operation: operation, detail: "upload response has no Location header")
        }
        return u.absoluteURL
    }
}
