import Foundation
import XCTest
@testable import OCI

/// Push and pull against a real `docker-registry` without auth.
final class RegistryPushPullTests: XCTestCase {
    nonisolated(unsafe) static var registry: LocalRegistry?
    var registry: LocalRegistry!
    let options = RegistryOptions(keychain: AnonymousKeychain(), chunkSize: 64 * 1024)

    override class func tearDown() {
        registry?.stop()
        registry = nil
    }

    override func setUpWithError() throws {
        if Self.registry == nil { Self.registry = try LocalRegistry(auth: .none) }
        registry = Self.registry
    }

    func client(_ repository: String) -> RegistryClient {
        RegistryClient(registry: registry.host, repository: repository, options: options)
    }

    func testPushThenPullIsByteIdenticalWithKptsLayout() throws {
        let module = TestImages.module(size: 200_000)
        let image = "\(registry.host)/fns/set-labels:v1"
        let pushed = try WasmImagePusher(options: options).push(module: module, fileName: "set-labels.wasm", to: image)
        let fetched = try WasmImageFetcher(options: options).fetch(ImageReference(parsing: image))
        XCTAssertEqual(fetched.bytes, module)
        XCTAssertEqual(fetched.manifestDigest, pushed.imageDigest)

        // The tag holds a docker manifest list with one js/wasm entry.
        let c = client("fns/set-labels")
        let top = try c.manifest("v1")
        XCTAssertEqual(top.mediaType, MediaType.dockerManifestList)
        XCTAssertEqual(top.digest, pushed.indexDigest)
        let index = try JSONSerialization.jsonObject(with: top.data) as! [String: Any]
        let entries = index["manifests"] as! [[String: Any]]
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries[0]["mediaType"] as? String, MediaType.dockerManifest)
        XCTAssertEqual(entries[0]["platform"] as? [String: String], ["architecture": "wasm", "os": "js"])
        XCTAssertEqual(entries[0]["digest"] as? String, pushed.imageDigest.description)

        // The image: docker v2 manifest, docker config, one gzip layer holding one file named like the input.
        let manifestDoc = try c.manifest(pushed.imageDigest.description)
        XCTAssertEqual(manifestDoc.mediaType, MediaType.dockerManifest)
        let manifest = try JSONDecoder().decode(ImageManifest.self, from: manifestDoc.data)
        XCTAssertEqual(manifest.schemaVersion, 2)
        XCTAssertEqual(manifest.config.mediaType, MediaType.dockerConfig)
        XCTAssertEqual(manifest.layers.map(\.mediaType), [MediaType.dockerLayerGzip])
        let layer = try c.blob(manifest.layers[0])
        let config = try JSONDecoder().decode(ImageConfig.self, from: c.blob(manifest.config))

        // Oracle: gzip(1) and tar(1) unpack the layer to exactly the module, and diff_ids is the tar's sha256.
        let gzip = try ToolCheck.require("gzip", package: "gzip"), tar = try ToolCheck.require("tar", package: "tar")
        let unzipped = try runTool(gzip, ["-d", "-c"], input: layer)
        XCTAssertEqual(unzipped.status, 0, unzipped.stderr)
        XCTAssertEqual(config.rootfs?.diff_ids, [Digest.sha256(of: unzipped.stdout)])
        XCTAssertEqual(config.os, "js")
        XCTAssertEqual(config.architecture, "wasm")
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try runTool(tar, ["-xf", "-", "-C", dir.path], input: unzipped.stdout).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["set-labels.wasm"])
        XCTAssertEqual(try [UInt8](Data(contentsOf: dir.appendingPathComponent("set-labels.wasm"))), module)
    }

    func testRepushReplacesTheWasmEntryAndKeepsOtherPlatforms() throws {
        let c = client("fns/both")
        let linux = try TestImages.pushContainerImage(c, os: "linux", architecture: "amd64")
        try TestImages.putIndex(c, [linux], tag: "v1")
        let pusher = WasmImagePusher(options: options)
        let first = try pusher.push(module: TestImages.module(seed: 1), fileName: "fn.wasm", to: "\(registry.host)/fns/both:v1")
        let second = try pusher.push(module: TestImages.module(seed: 2), fileName: "fn.wasm", to: "\(registry.host)/fns/both:v1")
        XCTAssertNotEqual(first.imageDigest, second.imageDigest)
        let index = try JSONDecoder().decode(ImageIndex.self, from: c.manifest("v1").data)
        XCTAssertEqual(index.mediaType, MediaType.dockerManifestList)
        XCTAssertEqual(index.manifests.map { $0.platform?.description }, ["linux/amd64", "js/wasm"])
        XCTAssertEqual(index.manifests[0].digest, linux.digest)
        XCTAssertEqual(index.manifests[1].digest, second.imageDigest)
        XCTAssertEqual(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: "\(registry.host)/fns/both:v1")).bytes,
                       TestImages.module(seed: 2))
    }

    func testPushOverAPlainManifestIsRefusedLikeKpt() throws {
        let c = client("fns/plain")
        let linux = try TestImages.pushContainerImage(c, os: "linux", architecture: "amd64")
        let data = try c.manifest(linux.digest.description).data
        try c.putManifest(data, mediaType: MediaType.dockerManifest, as: "v1")
        XCTAssertThrowsError(try WasmImagePusher(options: options).push(module: TestImages.module(), fileName: "fn.wasm",
                                                                        to: "\(registry.host)/fns/plain:v1")) { error in
            XCTAssertEqual("\(error)", "unexpected media type: \(MediaType.dockerManifest), expect either \(MediaType.ociIndex) or \(MediaType.dockerManifestList)")
        }
    }

    func testContainerImagesAreRejectedNamingTheirPlatforms() throws {
        let c = client("fns/container")
        let amd = try TestImages.pushContainerImage(c, os: "linux", architecture: "amd64")
        let arm = try TestImages.pushContainerImage(c, os: "linux", architecture: "arm64")
        try TestImages.putIndex(c, [amd, arm], tag: "multi")
        try c.putManifest(c.manifest(amd.digest.description).data, mediaType: MediaType.dockerManifest, as: "single")
        let fetcher = WasmImageFetcher(options: options)
        for (tag, platforms) in [("multi", ["linux/amd64", "linux/arm64"]), ("single", ["linux/amd64"])] {
            let image = "\(registry.host)/fns/container:\(tag)"
            XCTAssertThrowsError(try fetcher.fetch(ImageReference(parsing: image))) { error in
                XCTAssertEqual(error as? OCIError, .notWasmImage(image: image, platforms: platforms))
                XCTAssertTrue("\(error)".contains("container runtime"), "\(error)")
            }
        }
    }

    func testUnknownTagNamesRegistryRepositoryAndStatus() throws {
        try WasmImagePusher(options: options).push(module: TestImages.module(), fileName: "fn.wasm", to: "\(registry.host)/fns/known:v1")
        for image in ["\(registry.host)/fns/known:nope", "\(registry.host)/fns/never-pushed:v1"] {
            XCTAssertThrowsError(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: image))) { error in
                guard let e = error as? RegistryError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.kind, .manifestUnknown)
                XCTAssertEqual(e.status, 404)
                let text = "\(e)"
                XCTAssertTrue(text.contains("registry \(registry.host)") && text.contains("repository fns/") && text.contains("HTTP 404"), text)
            }
        }
    }

    func testPullByDigest() throws {
        let module = TestImages.module(seed: 9)
        let pushed = try WasmImagePusher(options: options).push(module: module, fileName: "fn.wasm", to: "\(registry.host)/fns/d:v1")
        let fetcher = WasmImageFetcher(options: options)
        // By the index digest (goes through the index) and by the image digest (single manifest).
        XCTAssertEqual(try fetcher.fetch(ImageReference(parsing: "\(registry.host)/fns/d@\(pushed.indexDigest)")).bytes, module)
        XCTAssertEqual(try fetcher.fetch(ImageReference(parsing: "\(registry.host)/fns/d@\(pushed.imageDigest)")).bytes, module)
        let absent = Digest.sha256(of: [1, 2, 3])
        XCTAssertThrowsError(try fetcher.fetch(ImageReference(parsing: "\(registry.host)/fns/d@\(absent)"))) { error in
            XCTAssertEqual((error as? RegistryError)?.kind, .manifestUnknown, "\(error)")
        }
    }

    func testChunkedUploadExistenceCheckAndCrossRepositoryMount() throws {
        let blob = Data(TestImages.module(size: 300_000, seed: 5))   // > 4 chunks of 64 KiB
        let digest = Digest.sha256(of: blob)
        let a = client("blobs/a"), b = client("blobs/b")
        XCTAssertFalse(try a.blobExists(digest))
        XCTAssertEqual(try a.uploadBlob(blob), .uploaded)
        XCTAssertTrue(try a.blobExists(digest))
        XCTAssertEqual(try a.uploadBlob(blob), .alreadyPresent)
        XCTAssertEqual(try a.blob(Descriptor(mediaType: "application/octet-stream", digest: digest, size: blob.count)), blob)
        XCTAssertEqual(try b.uploadBlob(blob, mountFrom: "blobs/a"), .mounted)
        XCTAssertTrue(try b.blobExists(digest))
        // Mounting from a repository without the blob falls back to a normal upload.
        let other = Data(TestImages.module(size: 1000, seed: 6))
        XCTAssertEqual(try b.uploadBlob(other, mountFrom: "blobs/empty"), .uploaded)
    }

    /// The registry serves whatever is on disk: tamper with the stored layer to get a short or altered download.
    func testTruncatedAndCorruptedDownloadsAreDetected() throws {
        let module = TestImages.module(size: 100_000, seed: 7)
        let image = "\(registry.host)/fns/tamper:v1"
        let pushed = try WasmImagePusher(options: options).push(module: module, fileName: "fn.wasm", to: image)
        let manifest = try JSONDecoder().decode(ImageManifest.self, from: client("fns/tamper").manifest(pushed.imageDigest.description).data)
        let layer = manifest.layers[0].digest
        let stored = registry.dir.appendingPathComponent("data/docker/registry/v2/blobs/sha256/\(layer.hex.prefix(2))/\(layer.hex)/data")
        let original = try Data(contentsOf: stored)
        defer { try? original.write(to: stored) }

        try original.prefix(original.count - 100).write(to: stored)
        XCTAssertThrowsError(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: image))) { error in
            XCTAssertEqual((error as? RegistryError)?.kind, .sizeMismatch, "\(error)")
            XCTAssertTrue("\(error)".contains("truncated download"), "\(error)")
        }
        var altered = original
        altered[altered.count / 2] ^= 0x01
        try altered.write(to: stored)
        XCTAssertThrowsError(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: image))) { error in
            XCTAssertEqual((error as? RegistryError)?.kind, .digestMismatch, "\(error)")
            XCTAssertTrue("\(error)".contains(layer.description), "\(error)")
        }
    }

    func testUnreachableRegistryIsNamed() throws {
        let port = try freeLoopbackPort()
        XCTAssertThrowsError(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: "127.0.0.1:\(port)/x/y:v1"))) { error in
            XCTAssertEqual((error as? RegistryError)?.kind, .unreachable, "\(error)")
            XCTAssertTrue("\(error)".contains("registry 127.0.0.1:\(port), repository x/y"), "\(error)")
        }
    }

    func testTagListFollowsPages() throws {
        let pusher = WasmImagePusher(options: options)
        let tags = ["v1", "v1.1", "v2", "latest", "z"]
        for tag in tags {
            try pusher.push(module: TestImages.module(size: 100, seed: 50), fileName: "fn.wasm", to: "\(registry.host)/fns/tagged:\(tag)")
        }
        XCTAssertEqual(Set(try client("fns/tagged").tags(pageSize: 2)), Set(tags))
        XCTAssertEqual(try client("fns/tagged").tags().count, tags.count)
        XCTAssertThrowsError(try client("fns/no-such-repo").tags()) { error in
            XCTAssertEqual((error as? RegistryError)?.status, 404, "\(error)")
        }
        let base = URL(string: "http://r:1/v2/a/tags/list?n=2")!
        XCTAssertEqual(RegistryClient.nextPage(linkHeader: #"</v2/a/tags/list?last=b&n=2>; rel="next""#, relativeTo: base)?.absoluteString,
                       "http://r:1/v2/a/tags/list?last=b&n=2")
        XCTAssertNil(RegistryClient.nextPage(linkHeader: #"</x>; rel="prev""#, relativeTo: base))
    }
}
