import ArgumentParser
import Foundation
import OCI

/// `kpt alpha wasm pull IMAGE LOCAL_PATH`: fetches the js/wasm module of IMAGE and writes it to LOCAL_PATH
/// (through a temp file and a rename, so a failed pull leaves nothing half-written). Prints nothing on success.
struct WasmPullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Pull a WASM module from a js/wasm OCI image and write it to a local file.",
        usage: "kpt alpha wasm pull IMAGE LOCAL_PATH"
    )

    @Argument(help: "The image reference (tag or digest), then the local file to write.")
    var arguments: [String] = []

    @Flag(help: "Use plain HTTP for registries that are not on this machine (loopback always uses HTTP).")
    var insecure = false

    func run() throws {
        guard arguments.count == 2 else { WasmCommandOutput.usageError("2 positional arguments (a OCI image and a local path) required") }
        let image = arguments[0], path = arguments[1]
        do {
            let reference = try ImageReference(parsing: image)
            let module = try WasmImageFetcher(options: RegistryOptions(insecure: insecure)).fetch(reference)
            try WasmFileWriter.write(module.bytes, to: path)
        } catch {
            WasmCommandOutput.fail(error)
        }
    }
}
