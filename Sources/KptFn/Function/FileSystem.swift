import Foundation

/// Small file helpers with kpt's error wording.
public enum FileSystem {
    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public static func readBytes(_ path: String) throws -> [UInt8] {
        do { return try read(path) } catch {
            throw FunctionError("failed to open file \(path): \(error)")
        }
    }

    /// Absolute form of `path` against the current directory.
    public static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: base).standardizedFileURL.path
    }
}
