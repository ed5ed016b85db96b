import Foundation

/// What a push produced.
public struct WasmPushResult: Sendable {
    /// Digest of the js/wasm image manifest.
    public let imageDigest: Digest
    /// Digest of the index written at the tag.
    public let indexDigest: Digest
}

/// Pushes a wasm module with kpt's layout: a one-file tar, gzip level 9, a docker v2 image with one
/// `rootfs.diff.tar.gzip` layer pushed by digest, and a docker manifest list at the tag in which the js/wasm entry
/// replaces any previous js/wasm entry while other platforms' entries are kept.
public struct WasmImagePusher: Sendable {
    public let options: RegistryOptions

    public init(options: RegistryOptions = RegistryOptions()) { self.options = options }

    @discardableResult
    public func push(module: [UInt8], fileName: String, to imageReference: String, created: Date = Date()) throws -> WasmPushResult {
        let reference = try ImageReference(parsing: imageReference, requireTag: true)
        let client = RegistryClient(reference: reference, options: options)
        let baseIndex = try existingIndex(client: client, reference: reference)

        let tar = try TarWriter.archive([(name: fileName, data: module, mode: 0o644)])
        let layer = try Gzip.compress(tar, level: 9)
        let layerDescriptor = Descriptor(mediaType: MediaType.dockerLayerGzip, digest: .sha256(of: layer), size: layer.count)

        // kpt leaves the config's os/architecture empty; we also record js/wasm there so that a single-manifest
        // copy of the image (e.g. `skopeo copy` without --all) still says what it is. kpt never reads the config.
        let config = ImageConfig(architecture: "wasm", os: "js", created: Self.rfc3339(created),
                                 history: [ImageConfig.History(created: "0001-01-01T00:00:00Z")],
                                 rootfs: ImageConfig.RootFS(diff_ids: [.sha256(of: tar)]), config: ImageConfig.Empty())
        let configData = try ManifestJSON.encode(config)
        let configDescriptor = Descriptor(mediaType: MediaType.dockerConfig, digest: .sha256(of: configData), size: configData.count)

        try client.uploadBlob(Data(layer))
        try client.uploadBlob(configData)
        let manifest = ImageManifest(mediaType: MediaType.dockerManifest, config: configDescriptor, layers: [layerDescriptor])
        let manifestData = try ManifestJSON.encode(manifest)
        let imageDigest = Digest.sha256(of: manifestData)
        try client.putManifest(manifestData, mediaType: MediaType.dockerManifest, as: imageDigest.description)

        var index = baseIndex ?? ImageIndex(manifests: [])
        index.manifests.removeAll { $0.platform?.isExactlyWasm == true }
        index.manifests.append(Descriptor(mediaType: MediaType.dockerManifest, digest: imageDigest,
                                          size: manifestData.count, platform: .wasm))
        index.mediaType = MediaType.dockerManifestList
        let indexData = try ManifestJSON.encode(index)
        let indexDigest = try client.putManifest(indexData, mediaType: MediaType.dockerManifestList, as: reference.tag!)
        return WasmPushResult(imageDigest: imageDigest, indexDigest: indexDigest)
    }

    /// The index already at the tag, if any; a plain manifest there cannot take a wasm variant.
    private func existingIndex(client: RegistryClient, reference: ImageReference) throws -> ImageIndex? {
        let fetched: FetchedManifest
        do { fetched = try client.manifest(reference.tag!) } catch let error as RegistryError
            where error.kind == .manifestUnknown {
            // kpt accepts only MANIFEST_UNKNOWN; NAME_UNKNOWN (new repository) is just as empty.
            return nil
        }
        guard fetched.isIndex else {
            throw OCIError.io("unexpected media type: \(fetched.mediaType), expect either \(MediaType.ociIndex) or \(MediaType.dockerManifestList)")
        }
        return try ManifestJSON.decode(ImageIndex.self, from: fetched.data, what: "image index at \(reference)")
    }

    static func rfc3339(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
