/// An image reference `[registry/]repository[:tag][@digest]`, with Docker's defaults applied the way kpt's
/// Go library does: no registry -> `index.docker.io`, one-segment Docker Hub names get `library/`,
/// no tag and no digest -> tag `latest`.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    public static let defaultRegistry = "index.docker.io"
    public static let defaultTag = "latest"

    /// Registry host with optional port, e.g. `ghcr.io` or `127.0.0.1:5000`.
    public let registry: String
    /// Repository path inside the registry, e.g. `kptdev/krm-functions-catalog/set-labels`.
    public let repository: String
    /// Tag; `nil` when the reference names a digest.
    public let tag: String?
    public let digest: Digest?
    /// The text as the user typed it.
    public let original: String

    public init(registry: String, repository: String, tag: String?, digest: Digest?, original: String? = nil) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
        self.original = original ?? "\(registry)/\(repository)" + (digest.map { "@\($0)" } ?? ":\(tag ?? Self.defaultTag)")
    }

    /// Parses a reference; `requireTag` rejects digest references (push needs a tag to write the index to).
    public init(parsing text: String, requireTag: Bool = false) throws {
        func fail(_ reason: String) -> OCIError { .invalidReference(text, reason: reason) }
        guard !text.isEmpty else { throw fail("empty reference") }
        var rest = Substring(text)
        var digest: Digest? = nil
        if let at = rest.firstIndex(of: "@") {
            if requireTag { throw fail("a tag is required, not a digest") }
            digest = try Digest(parsing: String(rest[rest.index(after: at)...]))
            rest = rest[..<at]
        }
        var tag: String? = nil
        let lastSlash = rest.lastIndex(of: "/")
        let nameEnd = lastSlash.map { rest.index(after: $0) } ?? rest.startIndex
        if let colon = rest[nameEnd...].lastIndex(of: ":") {
            let t = String(rest[rest.index(after: colon)...])
            guard Self.isValidTag(t) else { throw fail("invalid tag \"\(t)\"") }
            tag = t
            rest = rest[..<colon]
        }
        if digest != nil && requireTag { throw fail("a tag is required") }
        if tag == nil && digest == nil { tag = Self.defaultTag }

        var parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var registry = Self.defaultRegistry
        if parts.count > 1, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost" {
            registry = parts.removeFirst()
            guard Self.isValidRegistry(registry) else { throw fail("invalid registry \"\(registry)\"") }
        }
        if registry == "docker.io" { registry = Self.defaultRegistry }
        var repository = parts.joined(separator: "/")
        guard !repository.isEmpty else { throw fail("missing repository") }
        guard parts.allSatisfy({ !$0.isEmpty }), repository.allSatisfy(Self.isRepositoryCharacter) else {
            throw fail("repository \"\(repository)\" must be lowercase letters, digits and separators [._-/]")
        }
        if registry == Self.defaultRegistry && parts.count == 1 { repository = "library/" + repository }
        self.init(registry: registry, repository: repository, tag: tag, digest: digest, original: text)
    }

    /// What to ask the registry for: the digest when there is one, else the tag.
    public var identifier: String { digest?.description ?? tag ?? Self.defaultTag }

    /// The fully qualified form, e.g. `index.docker.io/library/foo:latest`.
    public var qualified: String { "\(registry)/\(repository)" + (digest.map { "@\($0)" } ?? ":\(tag ?? Self.defaultTag)") }

    public var description: String { original }

    /// Same registry and repository with another tag or digest.
    public func with(digest: Digest) -> ImageReference {
        ImageReference(registry: registry, repository: repository, tag: nil, digest: digest)
    }

    static func isValidTag(_ tag: String) -> Bool {
        guard let first = tag.unicodeScalars.first, tag.unicodeScalars.count <= 128 else { return false }
        func word(_ c: Unicode.Scalar) -> Bool { c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_") }
        return word(first) && tag.unicodeScalars.allSatisfy { word($0) || $0 == "." || $0 == "-" }
    }

    static func isRepositoryCharacter(_ c: Character) -> Bool {
        ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-" || c == "." || c == "/"
    }

    static func isValidRegistry(_ host: String) -> Bool {
        !host.isEmpty && host.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:[]".unicodeScalars.contains($0))
        }
    }
}
