import ArgumentParser
import Foundation
import OCI

/// `kpt alpha wasm push LOCAL_PATH IMAGE`: packs a wasm module the way kpt does and pushes it as the js/wasm
/// entry of the image index at IMAGE's tag.
struct WasmPushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Compress a WASM module and push it to an OCI registry as a js/wasm image.",
        usage: "kpt alpha wasm push LOCAL_PATH IMAGE"
    )

    @Argument(help: "The local .wasm file, then the image reference (REGISTRY/REPO:TAG).")
    var arguments: [String] = []

    @Flag(help: "Use plain HTTP for registries that are not on this machine (loopback always uses HTTP).")
    var insecure = false

    func run() throws {
        guard arguments.count == 2 else { WasmCommandOutput.usageError("2 positional arguments (local wasm file and OCI image) are required") }
        let path = arguments[0], image = arguments[1]
        do {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw OCIError.io("unable to compress \(path): failed to read from file \(path): cannot open the file")
            }
            let fileName = URL(fileURLWithPath: path).lastPathComponent
            let result = try WasmImagePusher(options: RegistryOptions(insecure: insecure))
                .push(module: [UInt8](data), fileName: fileName, to: image)
            print("digest of the image: \(result.imageDigest)")
            print("digest of the image index: \(result.indexDigest)")
            print("image has been pushed to \(image)")
        } catch {
            WasmCommandOutput.fail(error)
        }
    }
}

/// kpt prints plain errors kubectl-style (`error: <text>`) on stderr and exits 1.
enum WasmCommandOutput {
    static func fail(_ error: Error) -> Never {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        Foundation.exit(1)
    }

    /// kpt's own argument errors: `Error: <text> ` (with its trailing space), exit 1.
    static func usageError(_ message: String) -> Never {
        FileHandle.standardError.write(Data("Error: \(message) \n".utf8))
        Foundation.exit(1)
    }
}
