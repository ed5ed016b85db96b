/// Turns a function's output items back into package resources (kpt.md §4.4): restore comments
/// and key order from the matching input item, drop the per-call ids, fill default paths,
/// keep the legacy/new annotation twins in step, and validate.
public enum OutputReconciler {
    typealias A = KptAnnotations

    public static func reconcile(output: [YAMLNode], input: [YAMLNode], packagePath: String?) throws -> [YAMLNode] {
        var inputByID: [String: YAMLNode] = [:]
        for item in input { if let id = item.fnAnnotation(A.id) { inputByID[id] = item } }
        for item in output {
            let id = item.fnAnnotation(A.id) ?? item.fnAnnotation(A.legacyID)
            let original = id.flatMap { inputByID[$0] }
            if let original = original {
                NodeMerge.restoreFormatting(into: item.fnRoot, from: original.fnRoot)
                NodeMerge.restoreDocumentComments(into: item.fnRoot, from: original)
            }
            item.fnRemoveAnnotation(A.id)
            item.fnRemoveAnnotation(A.legacyID)
            syncTwins(item, original: original, new: A.path, legacy: A.legacyPath)
            syncTwins(item, original: original, new: A.index, legacy: A.legacyIndex)
            if A.path(of: item) == nil {
                let path = defaultPath(item)
                item.fnSetAnnotation(A.path, path)
                item.fnSetAnnotation(A.legacyPath, path)
            }
            item.fnRemoveAnnotation(A.migrationID)
            if let pkg = packagePath, item.fnAnnotation(A.packagePath) == nil {
                item.fnSetAnnotation(A.packagePath, pkg)
            }
        }
        try KRMCheck.check(output, which: "output")
        try checkPaths(output)
        return output
    }

    /// `<namespace>/<lowercase kind>_<name>.yaml`.
    public static func defaultPath(_ item: YAMLNode) -> String {
        let r = item.fnRoot
        let file = "\(r.fnString("kind").lowercased())_\(r.fnString("metadata", "name")).yaml"
        let ns = r.fnString("metadata", "namespace")
        return ns.isEmpty ? file : ns + "/" + file
    }

    /// If the function changed only one key of a pair, the other follows; a missing twin is filled.
    private static func syncTwins(_ item: YAMLNode, original: YAMLNode?, new: String, legacy: String) {
        let n = item.fnAnnotation(new), l = item.fnAnnotation(legacy)
        switch (n, l) {
        case let (n?, l?) where n != l:
            if let original = original, original.fnAnnotation(new) == n {
                item.fnSetAnnotation(new, l)   // only the legacy one changed
            } else {
                item.fnSetAnnotation(legacy, n)
            }
        case let (n?, nil): item.fnSetAnnotation(legacy, n)
        case let (nil, l?): item.fnSetAnnotation(new, l)
        default: break
        }
    }

    private static func checkPaths(_ items: [YAMLNode]) throws {
        var seen = Set<String>()
        for item in items {
            guard let path = A.path(of: item) else { continue }
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            var depth = 0
            for p in parts {
                if p == ".." { depth -= 1 } else if p != "." { depth += 1 }
                if depth < 0 {
                    throw FunctionError("function must not modify resources outside of package: resource has path \(path)")
                }
            }
            if path.hasPrefix("/") {
                throw FunctionError("function must not modify resources outside of package: resource has path \(path)")
            }
            if let index = A.index(of: item) {
                let key = (item.fnAnnotation(A.packagePath) ?? "") + "\u{0}" + path + "\u{0}" + index
                if !seen.insert(key).inserted {
                    throw FunctionError("resource at path \"\(path)\" and index \"\(index)\" already exists")
                }
            }
        }
    }
}
