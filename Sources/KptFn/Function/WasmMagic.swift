import Foundation

/// The 4-byte wasm preamble, `\0asm`.
public enum WasmMagic {
    public static let bytes: [UInt8] = [0x00, 0x61, 0x73, 0x6D]

    public static func hasMagic(_ data: some Collection<UInt8>) -> Bool {
        data.prefix(4).elementsEqual(bytes)
    }

    /// True when the file exists and starts with the wasm magic.
    public static func fileHasMagic(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return hasMagic(head)
    }
}
