import Foundation

/// Image name handling shared by eval and render (kpt.md §1.1).
public enum ImageNames {
    public static let defaultPrefix = "ghcr.io/kptdev/krm-functions-catalog"

    /// `--image-prefix`, else `$KPT_IMAGE_PREFIX`, else the catalog; checked like kpt does.
    public static func validatedPrefix(_ flag: String?,
                                       environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let raw = flag ?? environment["KPT_IMAGE_PREFIX"] ?? defaultPrefix
        if raw.contains("://") {
            throw FunctionError("invalid image prefix \"\(raw)\": must not include a scheme (e.g. https://)")
        }
        if raw.contains("?") || raw.contains("#") || raw.contains(" ") {
            throw FunctionError("invalid image prefix \"\(raw)\": must be a registry host and optional path")
        }
        var p = raw
        while p.hasSuffix("/") { p.removeLast() }
        return p
    }

    /// Short names (no `/`) get the prefix.
    public static func withPrefix(_ image: String, prefix: String) -> String {
        if image.contains("/") || prefix.isEmpty { return image }
        return prefix + "/" + image
    }

    /// render appends `:latest` when an image has neither tag nor digest.
    public static func withDefaultTag(_ image: String) -> String {
        if image.contains("@") { return image }
        let lastSegment = image.split(separator: "/").last ?? ""
        return lastSegment.contains(":") ? image : image + ":latest"
    }

    /// Applies a Kptfile `tag:`: a plain tag or exact version replaces the image's tag; a semver
    /// constraint (`~v0.4`, `>=1.2 <2`, `v0.5.x`) picks the highest matching tag of the repository.
    public static func applyingTag(_ tag: String?, to image: String,
                                   listTags: (String) throws -> [String]) throws -> String {
        guard let tag = tag, !tag.isEmpty else { return image }
        var name = image.split(separator: "@", maxSplits: 1).first.map(String.init) ?? image
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = String(name[..<colon]) }
        let plain = tag.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "_.-".contains($0) }
        let exact = SemanticVersion(tag) != nil && tag.split(separator: ".").count == 3
        if plain && (exact || SemverConstraint(tag) == nil) { return name + ":" + tag }
        guard let constraint = SemverConstraint(tag) else {
            throw FunctionError("tag \"\(tag)\" of image \"\(image)\" is neither a tag nor a semver constraint")
        }
        let tags = try listTags(name)
        guard let best = constraint.best(of: tags) else {
            throw FunctionError("unable to resolve tag \"\(tag)\" of image \"\(name)\": no tag satisfies the constraint")
        }
        return name + ":" + best
    }

    /// A light form of the Docker reference grammar check (`function image reference "<img>" is invalid: …`).
    public static func validate(_ image: String) throws {
        let invalid = { (reason: String) in FunctionError("function image reference \"\(image)\" is invalid: \(reason)") }
        if image.isEmpty { throw invalid("repository name must have at least one component") }
        let namePart = image.split(separator: "@", maxSplits: 1).first.map(String.init) ?? image
        var repo = namePart
        if let colon = namePart.lastIndex(of: ":"), !namePart[colon...].contains("/") {
            let tag = namePart[namePart.index(after: colon)...]
            if tag.isEmpty || tag.count > 128 || !tag.allSatisfy({ $0.isLetter || $0.isNumber || "_.-".contains($0) }) {
                throw invalid("invalid reference format")
            }
            repo = String(namePart[..<colon])
        }
        let components = repo.split(separator: "/", omittingEmptySubsequences: false)
        for (i, c) in components.enumerated() {
            if c.isEmpty { throw invalid("invalid reference format") }
            if i == 0 && components.count > 1 && (c.contains(".") || c.contains(":") || c == "localhost") { continue }
            if c.contains(where: { $0.isUppercase }) { throw invalid("repository name must be lowercase") }
            if !c.allSatisfy({ ($0.isLetter && $0.isASCII) || $0.isNumber || "_.-".contains($0) }) {
                throw invalid("invalid reference format")
            }
        }
    }
}
