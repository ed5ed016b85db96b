/// Finds the wasm module in an image layer the way kpt does: the first regular file (top layer first);
/// a symlink or special file before it is an error, directories are skipped.
enum WasmModuleExtractor {
    /// The first regular file of one layer blob (gzip or plain tar), or nil if it has none.
    static func firstFile(inLayer data: [UInt8], descriptor: Descriptor, image: String) throws -> [UInt8]? {
        if descriptor.mediaType.hasSuffix("zstd") {
            throw OCIError.io("image \(image): layer \(descriptor.digest) is zstd-compressed (\(descriptor.mediaType)), which is not supported")
        }
        let entries: [TarEntry]
        do {
            let tar = Gzip.isGzip(data) ? try Gzip.decompress(data) : data
            entries = try TarReader.entries(tar)
        } catch {
            throw OCIError.io("image \(image): layer \(descriptor.digest): \(error)")
        }
        for entry in entries {
            switch entry.kind {
            case .directory:
                continue
            case .regular:
                // Whiteout markers hide lower-layer files; they are never the module.
                if entry.name.split(separator: "/").last?.hasPrefix(".wh.") == true { continue }
                return entry.data
            case .symlink:
                throw OCIError.io("image \(image): package cannot contain symlink (\"\(entry.name)\")")
            case .hardLink, .other:
                throw OCIError.io("image \(image): unsupported entry type for \"\(entry.name)\" in layer \(descriptor.digest)")
            }
        }
        return nil
    }
}
