import Foundation
@testable import OCI

/// Test content: fake wasm modules and container images built with our own client.
enum TestImages {
    /// A wasm-looking module (magic + version) of a given size with content varying by `seed`.
    static func module(size: Int = 50_000, seed: UInt32 = 1) -> [UInt8] {
        var state = seed
        return [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00] + (0..<size).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    /// Pushes a one-layer image whose config says `os/architecture`, by digest; returns its descriptor.
    static func pushContainerImage(_ client: RegistryClient, os: String, architecture: String,
                                   file: [UInt8] = Array("#!/bin/sh\necho hi\n".utf8)) throws -> Descriptor {
        let tar = try TarWriter.archive([(name: "bin/fn", data: file, mode: 0o755)])
        let layer = try Gzip.compress(tar)
        let config = ImageConfig(architecture: architecture, os: os, rootfs: .init(diff_ids: [.sha256(of: tar)]))
        let configData = try ManifestJSON.encode(config)
        try client.uploadBlob(Data(layer))
        try client.uploadBlob(configData)
        let manifest = ImageManifest(
            mediaType: MediaType.dockerManifest,
            config: Descriptor(mediaType: MediaType.dockerConfig, digest: .sha256(of: configData), size: configData.count),
            layers: [Descriptor(mediaType: MediaType.dockerLayerGzip, digest: .sha256(of: layer), size: layer.count)])
        let data = try ManifestJSON.encode(manifest)
        let digest = try client.putManifest(data, mediaType: MediaType.dockerManifest, as: Digest.sha256(of: data).description)
        return Descriptor(mediaType: MediaType.dockerManifest, digest: digest, size: data.count,
                          platform: Platform(architecture: architecture, os: os))
    }

    static func putIndex(_ client: RegistryClient, _ manifests: [Descriptor], tag: String,
                         mediaType: String = MediaType.ociIndex) throws {
        let data = try ManifestJSON.encode(ImageIndex(mediaType: mediaType, manifests: manifests))
        try client.putManifest(data, mediaType: mediaType, as: tag)
    }
}
