import Foundation

/// A wasm image found in a registry: which manifest was chosen and the module it carries.
public struct FetchedWasmModule: Sendable {
    public let reference: ImageReference
    /// Digest of the js/wasm image manifest (not of the index).
    public let manifestDigest: Digest
    public let bytes: [UInt8]
}

/// Resolves an image reference to its js/wasm image and downloads the module, verifying every digest.
public struct WasmImageFetcher: Sendable {
    public let options: RegistryOptions

    public init(options: RegistryOptions = RegistryOptions()) { self.options = options }

    /// The js/wasm image manifest behind a reference: through an index, the first js/wasm child;
    /// a single manifest must have a js/wasm config (or an empty platform, as kpt's own pushes have).
    public func resolve(_ reference: ImageReference, client: RegistryClient? = nil) throws -> (manifest: ImageManifest, digest: Digest, config: ImageConfig?) {
        let client = client ?? RegistryClient(reference: reference, options: options)
        let top = try client.manifest(reference.identifier)
        if top.isIndex {
            let index = try ManifestJSON.decode(ImageIndex.self, from: top.data, what: "image index of \(reference)")
            guard let child = index.manifests.first(where: { $0.platform?.isWasm == true }) else {
                let platforms = index.manifests.map { $0.platform?.description ?? "linux/amd64 (no platform)" }
                throw OCIError.notWasmImage(image: reference.original, platforms: platforms)
            }
            let fetched = try client.manifest(child.digest.description)
            let manifest = try ManifestJSON.decode(ImageManifest.self, from: fetched.data, what: "manifest \(child.digest) of \(reference)")
            return (manifest, fetched.digest, nil)
        }
        guard MediaType.manifestTypes.contains(top.mediaType) else {
            throw OCIError.io("image \(reference): unsupported manifest media type \(top.mediaType)")
        }
        let manifest = try ManifestJSON.decode(ImageManifest.self, from: top.data, what: "manifest of \(reference)")
        let configData = try client.blob(manifest.config)
        let config = try ManifestJSON.decode(ImageConfig.self, from: configData, what: "image config of \(reference)")
        let os = config.os ?? "", arch = config.architecture ?? ""
        if !(os == "js" && arch == "wasm") && !(os.isEmpty && arch.isEmpty) {
            throw OCIError.notWasmImage(image: reference.original, platforms: ["\(os)/\(arch)"])
        }
        return (manifest, top.digest, config)
    }

    /// Resolves and downloads the module.
    public func fetch(_ reference: ImageReference) throws -> FetchedWasmModule {
        let client = RegistryClient(reference: reference, options: options)
        return try fetch(reference, client: client, resolved: resolve(reference, client: client))
    }

    /// Downloads the module of an already resolved image (reusing the client's authentication).
    func fetch(_ reference: ImageReference, client: RegistryClient,
               resolved: (manifest: ImageManifest, digest: Digest, config: ImageConfig?)) throws -> FetchedWasmModule {
        let module = try fetchModule(resolved.manifest, reference: reference, client: client)
        // A single manifest without a platform is accepted only if it really holds a wasm module.
        if let config = resolved.config, (config.os ?? "").isEmpty, !module.starts(with: [0x00, 0x61, 0x73, 0x6d]) {
            throw OCIError.notWasmImage(image: reference.original, platforms: ["unknown (empty os/architecture, no wasm module)"])
        }
        return FetchedWasmModule(reference: reference, manifestDigest: resolved.digest, bytes: module)
    }

    func fetchModule(_ manifest: ImageManifest, reference: ImageReference, client: RegistryClient) throws -> [UInt8] {
        guard !manifest.layers.isEmpty else { throw OCIError.noModuleInImage(image: reference.original) }
        // Only download as many layers as needed, top first.
        for descriptor in manifest.layers.reversed() {
            let data = try [UInt8](client.blob(descriptor))
            if let module = try WasmModuleExtractor.firstFile(inLayer: data, descriptor: descriptor, image: reference.original) {
                return module
            }
        }
        throw OCIError.noModuleInImage(image: reference.original)
    }
}
