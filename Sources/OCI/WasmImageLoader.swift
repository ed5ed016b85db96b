import Foundation

/// Loads the wasm module of an image for `fn eval -i IMAGE` and Kptfile `image:`: resolves the reference
/// (tag or digest, Docker defaults), requires a js/wasm image, caches the module content-addressed and honours
/// the pull policy. Synchronous; safe to call from the CLI's main thread.
public struct WasmImageLoader: Sendable {
    public let options: RegistryOptions
    public let cache: WasmCache

    /// - Parameters:
    ///   - cacheDirectory: defaults to `$XDG_CACHE_HOME/swift-kpt/wasm` or `~/.cache/swift-kpt/wasm`.
    ///   - options: registry access (credentials from docker config by default).
    public init(cacheDirectory: URL? = nil, options: RegistryOptions = RegistryOptions()) {
        self.options = options
        cache = WasmCache(root: cacheDirectory ?? WasmCache.defaultRoot())
    }

    /// Returns the module bytes of `reference` (e.g. `ghcr.io/org/fn:v1`, `127.0.0.1:5000/fn@sha256:...`).
    /// Throws `OCIError` (bad reference, not a wasm image, not cached under `.never`) or `RegistryError`.
    public func load(_ reference: String, policy: ImagePullPolicy = .ifNotPresent) throws -> [UInt8] {
        let ref = try ImageReference(parsing: reference)
        switch policy {
        case .never:
            guard let bytes = cache.module(for: ref) else { throw OCIError.notInCache(image: reference) }
            return bytes
        case .ifNotPresent:
            if let bytes = cache.module(for: ref) { return bytes }
            return try pull(ref)
        case .always:
            // Resolve at the registry; reuse the cached module when the image has not changed.
            let fetcher = WasmImageFetcher(options: options)
            let client = RegistryClient(reference: ref, options: options)
            let resolved = try fetcher.resolve(ref, client: client)
            if let record = cache.record(for: ref), record.manifest == resolved.digest, let bytes = cache.module(record.module) {
                return bytes
            }
            return try store(fetcher.fetch(ref, client: client, resolved: resolved))
        }
    }

    private func pull(_ ref: ImageReference) throws -> [UInt8] {
        try store(WasmImageFetcher(options: options).fetch(ref))
    }

    private func store(_ fetched: FetchedWasmModule) throws -> [UInt8] {
        try cache.store(fetched.bytes, for: fetched.reference, manifest: fetched.manifestDigest)
        return fetched.bytes
    }
}
