import Foundation

extension RegistryClient {
    /// All tags of the repository (`GET /v2/<repo>/tags/list`, following `Link: <...>; rel="next"` pages),
    /// e.g. to resolve a Kptfile `tag:` constraint. An unknown repository is a `RegistryError` with status 404.
    public func tags(pageSize: Int = 1000) throws -> [String] {
        var result: [String] = []
        var next: URL? = URL(string: "tags/list?n=\(pageSize)", relativeTo: url(""))?.absoluteURL
        var pages = 0
        while let pageURL = next, pages < 1000 {
            pages += 1
            let operation = "GET tags list"
            let response = try send(HTTPRequest(method: "GET", url: pageURL), operation: operation)
            guard response.status == 200 else { throw error(response, operation: operation) }
            guard let json = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
                throw RegistryError(kind: .protocolViolation, registry: registry, repository: repository,
                                    operation: operation, status: 200, detail: "tag list is not a JSON object")
            }
            result += json["tags"] as? [String] ?? []
            next = Self.nextPage(linkHeader: response.header("Link"), relativeTo: pageURL)
        }
        return result
    }

    /// The target of a `rel="next"` Link header, resolved against the current page.
    static func nextPage(linkHeader: String?, relativeTo base: URL) -> URL? {
        guard let header = linkHeader else { return nil }
        for link in header.split(separator: ",") {
            let parts = link.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">"),
                  parts.dropFirst().contains(where: { $0.replacingOccurrences(of: " ", with: "") == "rel=\"next\"" || $0 == "rel=next" })
            else { continue }
            return URL(string: String(target.dropFirst().dropLast()), relativeTo: base)?.absoluteURL
        }
        return nil
    }
}
