import Foundation

/// Writes resources back into a package directory by their path annotations (kpt.md §4.5).
/// All files are computed and validated first; only then is anything written, each file
/// atomically (temporary file in the same directory, then rename). Files whose bytes would
/// not change are left alone; files that held resources before and hold none now are deleted.
public struct PackageWriter {
    public var root: String

    public init(root: String) { self.root = root }

    public struct Report: Equatable, Sendable {
        /// Package-relative paths, sorted.
        public var written: [String] = []
        public var unchanged: [String] = []
        public var deleted: [String] = []
    }

    /// Writes `resources`; `previousFiles` are the files they were read from (see
    /// `PackageReader.read()`), used to delete files that lost all their resources.
    @discardableResult
    public func write(_ resources: [YAMLNode], previousFiles: [String] = []) throws -> Report {
        let files = try Self.plan(resources, root: root)
        var report = Report()
        // Write phase: every changed file is first staged next to its target; only when all are
        // staged are they renamed into place, so a failure (e.g. a read-only subdirectory) leaves
        // the whole package as it was, not just each file.
        var staged: [(temp: String, path: String)] = []
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let full = root + "/" + path
            if let existing = FileManager.default.contents(atPath: full), [UInt8](existing) == bytes {
                report.unchanged.append(path)
                continue
            }
            do { staged.append((try Self.stage(bytes, for: full), full)) } catch {
                for s in staged { try? FileManager.default.removeItem(atPath: s.temp) }
                throw error
            }
            report.written.append(path)
        }
        for (k, s) in staged.enumerated() where rename(s.temp, s.path) != 0 {
            let code = errno
            for rest in staged[k...] { try? FileManager.default.removeItem(atPath: rest.temp) }
            throw PackageError("failed to write \(s.path): \(PathError.reason(code))")
        }
        for path in Set(previousFiles).subtracting(files.keys).sorted() {
            let full = root + "/" + path
            guard FileManager.default.fileExists(atPath: full) else { continue }
            do { try FileManager.default.removeItem(atPath: full) } catch {
                throw PackageError("failed to delete file: \(path): \(error.localizedDescription)")
            }
            report.deleted.append(path)
        }
        return report
    }

    /// The bytes of every file to write, keyed by package-relative path. Resources without a
    /// path get `<namespace>/<kind>_<name>.yaml`; without an index they go after the others.
    public static func plan(_ resources: [YAMLNode], root: String) throws -> [String: [UInt8]] {
        var groups: [String: [(index: Int?, order: Int, node: YAMLNode)]] = [:]
        var pathOrder: [String] = []
        for (order, resource) in resources.enumerated() {
            let path = PackageAnnotation.path(of: resource) ?? defaultPath(for: resource)
            let clean = try validate(path, root: root)
            if groups[clean] == nil { pathOrder.append(clean) }
            groups[clean, default: []].append((PackageAnnotation.index(of: resource), order, resource))
        }
        var files: [String: [UInt8]] = [:]
        for path in pathOrder {
            var entries = groups[path]!
            // New resources get indexes after the highest one present (the first new one ties).
            var next = entries.compactMap(\.index).max() ?? 0
            for k in entries.indices where entries[k].index == nil {
                entries[k].index = next
                next += 1
            }
            entries.sort { ($0.index!, $0.order) < ($1.index!, $1.order) }
            if isDirectory(root + "/" + path) {
                throw PackageError("config.kubernetes.io/path cannot be a directory: \(path)")
            }
            files[path] = ResourceFileFormatter.format(entries.map(\.node), path: path)
        }
        return files
    }

    /// `<namespace>/<lowercase kind>_<name>.yaml` (no directory without a namespace).
    public static func defaultPath(for resource: YAMLNode) -> String {
        let file = "\((resource.resourceKind ?? "").lowercased())_\(resource.name ?? "").yaml"
        if let ns = resource.namespace, !ns.isEmpty { return ns + "/" + file }
        return file
    }

    /// Cleans a path and refuses absolute ones and ones leaving the package.
    static func validate(_ path: String, root: String) throws -> String {
        if path.hasPrefix("/") { throw PackageError("package paths may not be absolute paths") }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty || parts.last == ".." { parts.append(part) } else { parts.removeLast() }
            } else {
                parts.append(part)
            }
        }
        let clean = parts.joined(separator: "/")
        if clean.isEmpty || parts.first == ".." {
            throw PackageError("resource must be written under package \(root): \(clean.isEmpty ? "." : clean)")
        }
        return clean
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Writes via a temporary file in the target directory and a rename.
    static func atomicWrite(_ bytes: [UInt8], to path: String) throws {
        let temp = try stage(bytes, for: path)
        if rename(temp, path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temp)
            throw PackageError("failed to write \(path): \(PathError.reason(code))")
        }
    }

    /// Writes `bytes` to a new temporary file beside `path` (keeping its mode); returns the temp path.
    /// A failure names the target and the system's reason (the temporary name would only confuse).
    static func stage(_ bytes: [UInt8], for path: String) throws -> String {
        let dir = (path as NSString).deletingLastPathComponent
        do { try FileSystem.makeDirectories(dir) } catch {
            throw PackageError("failed to write \(path): \(error)")
        }
        let temp = dir + "/.\((path as NSString).lastPathComponent).kpt-tmp-\(UUID().uuidString)"
        do { try FileSystem.create(temp, bytes) } catch {
            throw PackageError("failed to write \(path): \(error.reason)")
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let mode = attributes[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temp)
        }
        return temp
    }
}
