import ArgumentParser
import Foundation
import KptFn

/// `kpt fn render [PKG_PATH]`: run the Kptfile pipelines of a package and its subpackages.
struct FnRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a package.",
        discussion: """
        Runs the mutators then the validators of each package's Kptfile pipeline, subpackages \
        first, and writes the result only when every function succeeded. With --allow-alpha-wasm, \
        `image:` steps load the image's js/wasm platform and `exec:` steps naming a .wasm module run \
        it as WebAssembly; other `exec:` steps need --allow-exec.
        """
    )

    @Argument(help: "Package directory (default: the current directory).")
    var pkgPath: String?

    @Option(name: .customLong("results-dir"), help: "Directory to write results.yaml into.")
    var resultsDir: String = ""

    @Option(name: [.short, .customLong("output")], help: "Output: stdout, unwrap, or a new directory. Default: in place.")
    var output: String = ""

    @Option(name: .customLong("image-pull-policy"), help: "Always, IfNotPresent or Never.")
    var imagePullPolicy: String = "IfNotPresent"

    @Option(name: .customLong("image-prefix"), help: "Prefix for short image names.")
    var imagePrefix: String?

    @Flag(name: .customLong("allow-exec"), help: "Allow running local function binaries.")
    var allowExec = false

    @Flag(name: .customLong("allow-network"), help: "Allow network access (container functions only).")
    var allowNetwork = false

    @Flag(name: .customLong("allow-alpha-wasm"), help: "Allow running WebAssembly functions (alpha).")
    var allowWasm = false

    @OptionGroup var common: FnCommonOptions
    @OptionGroup var console: FnOutputOptions

    func run() throws {
        do {
            guard let pullPolicy = KptFn.ImagePullPolicy(flag: imagePullPolicy) else {
                throw KptFailure(message: "invalid argument \"\(imagePullPolicy)\" for \"--image-pull-policy\" flag: must be one of: Always, IfNotPresent, Never")
            }
            var request = RenderRequest(packagePath: pkgPath ?? ".")
            request.imagePrefix = try ImageNames.validatedPrefix(imagePrefix)
            if !resultsDir.isEmpty { try ResultsFileWriter.prepareDirectory(resultsDir) }
            request.output = try OutputTarget(flag: output)
            request.resultsDir = resultsDir.isEmpty ? nil : resultsDir
            request.allowWasm = allowWasm
            request.allowExec = allowExec
            request.truncateOutput = console.truncateOutput
            let factory = try FnRuntimeWiring.factory(common: common, pullPolicy: pullPolicy)
            try Renderer(request: request, runners: factory, io: FnConsole.io).run()
        } catch let failure as KptFailure {
            if let message = failure.message { FnConsole.stderr(FnConsole.kptStyle(message)) }
            throw ExitCode(1)
        } catch {
            FnConsole.stderr(FnConsole.kptStyle("\(error)"))
            throw ExitCode(1)
        }
    }
}
