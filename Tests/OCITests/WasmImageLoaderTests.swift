import Foundation
import XCTest
@testable import OCI

/// The loader used by `fn eval -i` / Kptfile `image:`: cache layout, pull policies, and images as kpt pushes them.
final class WasmImageLoaderTests: XCTestCase {
    var registry: LocalRegistry!
    var cacheDir: URL!
    let options = RegistryOptions(keychain: AnonymousKeychain())

    override func setUpWithError() throws {
        registry = try LocalRegistry(auth: .none)
        cacheDir = try makeTempDir("wasm-cache")
    }

    override func tearDown() {
        registry?.stop()
        if let cacheDir { try? FileManager.default.removeItem(at: cacheDir) }
    }

    func testPullPoliciesAndContentAddressedCache() throws {
        let image = "\(registry.host)/fns/policy:v1"
        let loader = WasmImageLoader(cacheDirectory: cacheDir, options: options)
        let pusher = WasmImagePusher(options: options)
        let v1 = TestImages.module(seed: 31), v2 = TestImages.module(seed: 32)
        try pusher.push(module: v1, fileName: "fn.wasm", to: image)

        XCTAssertThrowsError(try loader.load(image, policy: .never)) { error in
            XCTAssertEqual(error as? OCIError, .notInCache(image: image))
        }
        XCTAssertEqual(try loader.load(image, policy: .ifNotPresent), v1)
        let stored = cacheDir.appendingPathComponent("sha256/\(Digest.sha256(of: v1).hex)")
        XCTAssertEqual(try [UInt8](Data(contentsOf: stored)), v1)

        // The tag moves: IfNotPresent and Never keep the cached module, Always fetches the new one.
        try pusher.push(module: v2, fileName: "fn.wasm", to: image)
        XCTAssertEqual(try loader.load(image, policy: .ifNotPresent), v1)
        XCTAssertEqual(try loader.load(image, policy: .never), v1)
        XCTAssertEqual(try loader.load(image, policy: .always), v2)
        XCTAssertEqual(try loader.load(image, policy: .never), v2)

        // With the registry gone, cached references still load without network (except under Always).
        registry.stop()
        XCTAssertEqual(try loader.load(image, policy: .ifNotPresent), v2)
        XCTAssertThrowsError(try loader.load(image, policy: .always)) { error in
            XCTAssertEqual((error as? RegistryError)?.kind, .unreachable, "\(error)")
        }
        // A damaged cache entry is never returned.
        try Data([1, 2, 3]).write(to: cacheDir.appendingPathComponent("sha256/\(Digest.sha256(of: v2).hex)"))
        XCTAssertThrowsError(try loader.load(image, policy: .never))
        XCTAssertThrowsError(try loader.load(image, policy: .ifNotPresent)) { error in
            XCTAssertEqual((error as? RegistryError)?.kind, .unreachable, "\(error)")
        }
    }

    func testDefaultCacheDirectoryHonoursXDG() {
        XCTAssertEqual(WasmCache.defaultRoot(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"]).path, "/x/cache/swift-kpt/wasm")
        XCTAssertEqual(WasmCache.defaultRoot(environment: ["HOME": "/h"]).path, "/h/.cache/swift-kpt/wasm")
        XCTAssertEqual(WasmCache.defaultRoot(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]).path, "/h/.cache/swift-kpt/wasm")
    }

    /// Exactly what kpt pushes: an unterminated tar (header + bytes only) gzipped, a config with empty os/arch,
    /// a docker manifest list whose entry carries js/wasm.
    func testLoadsAnImageLaidOutExactlyAsKptPushesIt() throws {
        let module = TestImages.module(size: 70_001, seed: 33)
        let fullTar = try TarWriter.archive([(name: "my-fn.wasm", data: module, mode: 0o644)])
        let kptTar = Array(fullTar.prefix(512 + module.count))
        let layer = try Gzip.compress(kptTar, level: 9)
        let config = Data(#"{"architecture":"","created":"2026-01-01T00:00:00Z","history":[{"created":"0001-01-01T00:00:00Z"}],"os":"","rootfs":{"type":"layers","diff_ids":["\#(Digest.sha256(of: kptTar))"]},"config":{}}"#.utf8)
        let client = RegistryClient(registry: registry.host, repository: "kpt/pushed", options: options)
        try client.uploadBlob(Data(layer))
        try client.uploadBlob(config)
        let manifest = try ManifestJSON.encode(ImageManifest(
            mediaType: MediaType.dockerManifest,
            config: Descriptor(mediaType: MediaType.dockerConfig, digest: .sha256(of: config), size: config.count),
            layers: [Descriptor(mediaType: MediaType.dockerLayerGzip, digest: .sha256(of: layer), size: layer.count)]))
        let digest = try client.putManifest(manifest, mediaType: MediaType.dockerManifest, as: Digest.sha256(of: manifest).description)
        try TestImages.putIndex(client, [Descriptor(mediaType: MediaType.dockerManifest, digest: digest, size: manifest.count,
                                                    platform: .wasm)], tag: "v1", mediaType: MediaType.dockerManifestList)
        let loader = WasmImageLoader(cacheDirectory: cacheDir, options: options)
        XCTAssertEqual(try loader.load("\(registry.host)/kpt/pushed:v1", policy: .always), module)
        // kpt's image manifest on its own (no index, empty platform) still loads because it holds a wasm module.
        XCTAssertEqual(try loader.load("\(registry.host)/kpt/pushed@\(digest)", policy: .ifNotPresent), module)
    }

    func testPullWritesAtomicallyAndCreatesDirectories() throws {
        let target = cacheDir.appendingPathComponent("out/nested/fn.wasm").path
        try WasmFileWriter.write([1, 2, 3], to: target)
        XCTAssertEqual(FileManager.default.contents(atPath: target), Data([1, 2, 3]))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cacheDir.appendingPathComponent("out/nested").path)
        XCTAssertEqual(leftovers, ["fn.wasm"])
    }
}
