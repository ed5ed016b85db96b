/// A package and its nested subpackages as fn render sees them (kpt.md §5.3): each package owns the
/// files under its directory that are not inside a deeper subpackage.
public final class RenderPackage {
    /// Absolute directory.
    public let path: String
    /// Relative to the root package ("" for the root).
    public let relativePath: String
    /// `root/sub` chain of directory names, as kpt prints it.
    public let displayPath: String
    public let kptfile: Kptfile
    /// Own resources; paths relative to this package, package-path annotation set.
    public var items: [YAMLNode]
    public var children: [RenderPackage] = []

    init(path: String, relativePath: String, displayPath: String, kptfile: Kptfile, items: [YAMLNode]) {
        self.path = path; self.relativePath = relativePath; self.displayPath = displayPath
        self.kptfile = kptfile; self.items = items
    }

    /// Number of packages in this subtree.
    public var count: Int { 1 + children.reduce(0) { $0 + $1.count } }
}

public enum PackageTree {
    /// Reads the whole tree under `root` (absolute) once and splits it into packages.
    public static func load(root: String) throws -> RenderPackage {
        let all = try ResourceIO.readPackage(root: root, includeSubpackages: true)
        // Subpackage directories: every directory holding a Kptfile.
        var packageDirs: [String] = [""]
        for item in all {
            guard let p = KptAnnotations.path(of: item), item.fnRoot.fnString("kind") == "Kptfile" else { continue }
            let dir = directory(of: p)
            if p.hasSuffix("Kptfile"), !packageDirs.contains(dir) { packageDirs.append(dir) }
        }
        let rootName = root.split(separator: "/").last.map(String.init) ?? root
        var byDir: [String: [YAMLNode]] = [:]
        for item in all {
            let p = KptAnnotations.path(of: item) ?? ""
            let owner = packageDirs.filter { $0.isEmpty || p.hasPrefix($0 + "/") }.max { $0.count < $1.count } ?? ""
            let local = owner.isEmpty ? p : String(p.dropFirst(owner.count + 1))
            item.fnSetAnnotation(KptAnnotations.path, local)
            item.fnSetAnnotation(KptAnnotations.legacyPath, local)
            item.fnSetAnnotation(KptAnnotations.packagePath, FilePaths.join(root, owner))
            byDir[owner, default: []].append(item)
        }
        func build(_ dir: String) throws -> RenderPackage {
            let items = byDir[dir] ?? []
            let kptfileNode = items.first { KptAnnotations.path(of: $0) == "Kptfile" }
            let abs = FilePaths.join(root, dir)
            guard let node = kptfileNode else {
                throw FunctionError("No Kptfile found at \"\(abs)\".")
            }
            let kptfile = try KptfileDecoder.decode(node, path: FilePaths.join(dir, "Kptfile"))
            let pkg = RenderPackage(path: abs, relativePath: dir, displayPath: FilePaths.join(rootName, dir),
                                    kptfile: kptfile, items: items)
            let direct = packageDirs.filter { d in
                !d.isEmpty && d != dir && (dir.isEmpty || d.hasPrefix(dir + "/"))
                    && !packageDirs.contains { mid in
                        mid != d && mid != dir && !mid.isEmpty && (dir.isEmpty || mid.hasPrefix(dir + "/")) && d.hasPrefix(mid + "/")
                    }
            }
            pkg.children = try direct.sorted().map(build)
            return pkg
        }
        return try build("")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
