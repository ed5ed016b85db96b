import Foundation

/// Reads the resources of a package directory like kyaml's LocalPackageReader as kpt uses it
/// (kpt.md §4.1-4.2): files `Kptfile`, `*.yaml`, `*.yml`, `*.json` in lexical walk order,
/// `.krmignore` at package roots, subpackages included or not, every document stamped with
/// its path, index and sequence indentation.
public struct PackageReader {
    /// The package root directory.
    public var root: String
    /// `fn eval` reads subpackages too; `fn render` reads each package on its own.
    public var includeSubpackages: Bool
    /// `fn render` stamps `internal.config.kubernetes.io/package-path` (absolute package dir).
    public var packagePath: String?

    public init(root: String, includeSubpackages: Bool, packagePath: String? = nil) {
        self.root = root
        self.includeSubpackages = includeSubpackages
        self.packagePath = packagePath
    }

    /// Package-relative paths of the candidate files, in read order.
    public func candidateFiles() throws -> [String] {
        var out: [String] = []
        try walk("", ignore: IgnorePatterns(base: "", text: ""), into: &out)
        return out
    }

    /// All resources, annotated; `files` lists the files that held at least one resource.
    public func read() throws -> (resources: [YAMLNode], files: [String]) {
        var resources: [YAMLNode] = []
        var files: [String] = []
        for rel in try candidateFiles() {
            let path = FileSystem.absolute(root + "/" + rel)
            let data: [UInt8]
            // kpt: `/pkg/a.yaml: open /pkg/a.yaml: permission denied`.
            do { data = try FileSystem.read(path) } catch { throw PackageError("\(path): \(error)") }
            let found = try Self.resources(in: String(decoding: data, as: UTF8.self), path: rel, packagePath: packagePath)
            if !found.isEmpty { files.append(rel) }
            resources += found
        }
        return (resources, files)
    }

    /// The annotated resources of one file's text.
    public static func resources(in text: String, path: String, packagePath: String? = nil) throws -> [YAMLNode] {
        let parts: [String]
        do { parts = try YAML.splitDocuments(text) } catch { throw PackageError("\(path): \(error)") }
        var result: [YAMLNode] = []
        for part in parts {
            let doc: YAMLNode
            do {
                guard let first = try YAML.parse(part).first else { continue }
                doc = first
            } catch {
                throw PackageError("\(path): MalformedYAMLError: \(error)")
            }
            guard var root = doc.content.first, !root.isNull else { continue }
            if root.kind == .mapping && root.content.isEmpty { continue }
            if root.kind == .sequence {
                // kyaml wraps a bare sequence document so it can carry annotations.
                root = .mapping([(PackageReader.bareSequenceKey, root)])
                doc.content = [root]
            }
            guard root.kind == .mapping else { continue }
            let index = String(result.count)
            let style = SequenceIndentStyle.detect(part)
            PackageAnnotation.stamp(root, PackageAnnotation.legacyIndex, index)
            PackageAnnotation.stamp(root, PackageAnnotation.legacyPath, path)
            PackageAnnotation.stamp(root, PackageAnnotation.index, index)
            if let packagePath { PackageAnnotation.stamp(root, PackageAnnotation.packagePath, packagePath) }
            PackageAnnotation.stamp(root, PackageAnnotation.path, path)
            PackageAnnotation.stamp(root, PackageAnnotation.seqIndent, style.rawValue)
            result.append(doc)
        }
        return result
    }

    /// Key under which a top-level sequence document is wrapped (kyaml's BareSeqNodeWrapper).
    public static let bareSequenceKey = "BareSeqNodeWrapper"

    static func isCandidate(_ name: String) -> Bool {
        name == "Kptfile" || name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json")
    }

    private func walk(_ rel: String, ignore: IgnorePatterns, into out: inout [String]) throws {
        let fm = FileManager.default
        let dir = rel.isEmpty ? root : root + "/" + rel
        var rules = ignore
        // .krmignore applies at the package root and (when included) at subpackage roots.
        if rel.isEmpty || fm.fileExists(atPath: dir + "/Kptfile"),
           let data = fm.contents(atPath: dir + "/.krmignore") {
            rules = IgnorePatterns(base: rel, text: String(decoding: data, as: UTF8.self))
        }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: dir) } catch {
            throw PackageError("failed to read directory \(dir): \(error.localizedDescription)")
        }
        // Go's filepath.Walk order: byte-wise by name.
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let childRel = rel.isEmpty ? name : rel + "/" + name
            let full = root + "/" + childRel
            let attributes = try? fm.attributesOfItem(atPath: full)
            let type = attributes?[.type] as? FileAttributeType
            if type == .typeSymbolicLink { continue }
            if type == .typeDirectory {
                if rules.ignores(childRel, isDirectory: true) { continue }
                if !includeSubpackages && fm.fileExists(atPath: full + "/Kptfile") { continue }
                try walk(childRel, ignore: rules, into: &out)
            } else if Self.isCandidate(name) && !rules.ignores(childRel, isDirectory: false) {
                out.append(childRel)
            }
        }
    }
}
