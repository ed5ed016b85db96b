import Foundation
import XCTest
@testable import OCI

/// Interoperability with skopeo (containers/image, an independent Go implementation) through a real registry:
/// skopeo reads and copies what we push, and we pull what skopeo pushes.
final class SkopeoInteropTests: XCTestCase {
    var registry: LocalRegistry!
    var skopeo: String!
    var work: URL!
    let options = RegistryOptions(keychain: AnonymousKeychain())

    override func setUpWithError() throws {
        skopeo = try ToolCheck.require("skopeo", package: "skopeo")
        registry = try LocalRegistry(auth: .none)
        work = try makeTempDir("skopeo")
    }

    override func tearDown() {
        registry?.stop()
        if let work { try? FileManager.default.removeItem(at: work) }
    }

    @discardableResult
    func runSkopeo(_ args: [String]) throws -> Data {
        // No policy file is needed for these local copies; keep skopeo's own state inside the temp dir.
        let env = ["HOME": work.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                   "TMPDIR": work.path]
        let result = try runTool(skopeo, ["--insecure-policy"] + args, environment: env)
        XCTAssertEqual(result.status, 0, "skopeo \(args.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func testSkopeoInspectsAndCopiesWhatWePushed() throws {
        let module = TestImages.module(size: 150_000, seed: 21)
        let image = "\(registry.host)/fns/ours:v1"
        let pushed = try WasmImagePusher(options: options).push(module: module, fileName: "ours.wasm", to: image)

        let raw = try JSONSerialization.jsonObject(with: runSkopeo(["inspect", "--tls-verify=false", "--raw", "docker://\(image)"])) as! [String: Any]
        XCTAssertEqual(raw["mediaType"] as? String, MediaType.dockerManifestList)
        let info = try JSONSerialization.jsonObject(with: runSkopeo(["inspect", "--tls-verify=false", "--override-os", "js",
                                                                      "--override-arch", "wasm", "docker://\(image)"])) as! [String: Any]
        XCTAssertEqual(info["Os"] as? String, "js")
        XCTAssertEqual(info["Architecture"] as? String, "wasm")
        XCTAssertEqual(info["Digest"] as? String, pushed.indexDigest.description)

        // skopeo copies the whole index to another repository; we pull the copy.
        try runSkopeo(["copy", "--all", "--src-tls-verify=false", "--dest-tls-verify=false",
                       "docker://\(image)", "docker://\(registry.host)/fns/copied:v2"])
        XCTAssertEqual(try WasmImageFetcher(options: options).fetch(ImageReference(parsing: "\(registry.host)/fns/copied:v2")).bytes, module)

        // skopeo extracts the js/wasm image to a directory; gzip(1) and tar(1) find our module in its layer.
        let dir = work.appendingPathComponent("dir")
        try runSkopeo(["copy", "--override-os", "js", "--override-arch", "wasm", "--src-tls-verify=false",
                       "docker://\(image)", "dir:\(dir.path)"])
        let manifest = try JSONDecoder().decode(ImageManifest.self, from: Data(contentsOf: dir.appendingPathComponent("manifest.json")))
        XCTAssertEqual(manifest.layers.count, 1)
        let layerFile = dir.appendingPathComponent(manifest.layers[0].digest.hex).path
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let tar = try ToolCheck.require("tar", package: "tar")
        let unpacked = try runTool(tar, ["-xzf", layerFile, "-C", out.path])
        XCTAssertEqual(unpacked.status, 0, unpacked.stderr)
        XCTAssertEqual(try [UInt8](Data(contentsOf: out.appendingPathComponent("ours.wasm"))), module)
    }

    /// An OCI layout built with tar(1) and gzip(1): an index holding a js/wasm image and a linux/amd64 image.
    func makeLayout(module: [UInt8]) throws -> URL {
        let layout = work.appendingPathComponent("layout")
        let blobs = layout.appendingPathComponent("blobs/sha256")
        try FileManager.default.createDirectory(at: blobs, withIntermediateDirectories: true)
        func blob(_ data: Data) throws -> Digest {
            let d = Digest.sha256(of: data)
            try data.write(to: blobs.appendingPathComponent(d.hex))
            return d
        }
        let src = work.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        try Data(module).write(to: src.appendingPathComponent("skopeo-fn.wasm"))
        let tar = try ToolCheck.require("tar", package: "tar"), gzip = try ToolCheck.require("gzip", package: "gzip")
        let tarball = try runTool(tar, ["-cf", "-", "-C", src.path, "skopeo-fn.wasm"])
        XCTAssertEqual(tarball.status, 0, tarball.stderr)
        let layer = try runTool(gzip, ["-9", "-c"], input: tarball.stdout).stdout

        func image(os: String, arch: String, layer: Data, diffID: Digest) throws -> Descriptor {
            let layerDigest = try blob(layer)
            let config = Data(#"{"architecture":"\#(arch)","os":"\#(os)","rootfs":{"type":"layers","diff_ids":["\#(diffID)"]}}"#.utf8)
            let configDigest = try blob(config)
            let manifest = Data("""
            {"schemaVersion":2,"mediaType":"\(MediaType.ociManifest)",
             "config":{"mediaType":"\(MediaType.ociConfig)","digest":"\(configDigest)","size":\(config.count)},
             "layers":[{"mediaType":"\(MediaType.ociLayerGzip)","digest":"\(layerDigest)","size":\(layer.count)}]}
            """.utf8)
            return Descriptor(mediaType: MediaType.ociManifest, digest: try blob(manifest), size: manifest.count,
                              platform: Platform(architecture: arch, os: os))
        }
        let wasm = try image(os: "js", arch: "wasm", layer: layer, diffID: .sha256(of: tarball.stdout))
        let otherTar = try TarWriter.archive([(name: "bin/fn", data: Array("not wasm".utf8), mode: 0o755)])
        let linux = try image(os: "linux", arch: "amd64", layer: Data(try Gzip.compress(otherTar)), diffID: .sha256(of: otherTar))
        let index = try ManifestJSON.encode(ImageIndex(mediaType: MediaType.ociIndex, manifests: [linux, wasm]))
        let indexDigest = try blob(index)
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: layout.appendingPathComponent("oci-layout"))
        try Data("""
        {"schemaVersion":2,"manifests":[{"mediaType":"\(MediaType.ociIndex)","digest":"\(indexDigest)","size":\(index.count),
         "annotations":{"org.opencontainers.image.ref.name":"v1"}}]}
        """.utf8).write(to: layout.appendingPathComponent("index.json"))
        return layout
    }

    func testWePullWhatSkopeoPushed() throws {
        let module = TestImages.module(size: 90_000, seed: 22)
        let layout = try makeLayout(module: module)
        let fetcher = WasmImageFetcher(options: options)

        // Only the js/wasm image: a single OCI manifest at the tag, recognised by its config's platform.
        try runSkopeo(["copy", "--override-os", "js", "--override-arch", "wasm", "--dest-tls-verify=false",
                       "oci:\(layout.path):v1", "docker://\(registry.host)/skopeo/fn:single"])
        XCTAssertEqual(try fetcher.fetch(ImageReference(parsing: "\(registry.host)/skopeo/fn:single")).bytes, module)

        // The whole OCI index: we pick its js/wasm entry, skipping linux/amd64.
        try runSkopeo(["copy", "--all", "--dest-tls-verify=false", "oci:\(layout.path):v1", "docker://\(registry.host)/skopeo/fn:all"])
        let top = try RegistryClient(registry: registry.host, repository: "skopeo/fn", options: options).manifest("all")
        XCTAssertEqual(top.mediaType, MediaType.ociIndex)
        XCTAssertEqual(try fetcher.fetch(ImageReference(parsing: "\(registry.host)/skopeo/fn:all")).bytes, module)

        // The linux/amd64 image alone is refused as a container image.
        try runSkopeo(["copy", "--override-os", "linux", "--override-arch", "amd64", "--dest-tls-verify=false",
                       "oci:\(layout.path):v1", "docker://\(registry.host)/skopeo/fn:linux"])
        XCTAssertThrowsError(try fetcher.fetch(ImageReference(parsing: "\(registry.host)/skopeo/fn:linux"))) { error in
            XCTAssertEqual(error as? OCIError, .notWasmImage(image: "\(registry.host)/skopeo/fn:linux", platforms: ["linux/amd64"]))
        }
    }
}
