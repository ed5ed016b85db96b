import Foundation

/// Writes a pulled module to a user path: parent directories created, bytes written to a temp file in the same
/// directory and renamed into place, so the destination is either the old file or the complete new one.
public enum WasmFileWriter {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw OCIError.io("unable to create directory \"\(dir.path)\": \(error.localizedDescription)")
        }
        try WasmCache.atomicWrite(Data(bytes), to: url)
    }
}
