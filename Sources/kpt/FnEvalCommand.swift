import ArgumentParser
import Foundation
import KptFn

/// `kpt fn eval [DIR | -] [flags] [-- fn-args]`: run one function on a package or on stdin.
struct FnEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Execute function on resources.",
        discussion: """
        Runs one function on the resources of DIR (default: the current directory, subpackages \
        included) or on resources read from stdin ('-'). WebAssembly functions need --allow-alpha-wasm: \
        `--exec fn.wasm` runs a local module, `-i IMAGE` loads the image's js/wasm platform.
        Function arguments after '--' become a ConfigMap functionConfig (key=value).
        """
    )

    @Argument(help: "Package directory, or '-' to read resources from stdin.")
    var dir: String?

    @Option(name: [.short, .customLong("image")], help: "Function image to run.")
    var image: String = ""

    @Option(name: .customLong("exec"), help: "Path to a local executable or .wasm module (with arguments).")
    var exec: String = ""

    @Flag(name: .customLong("allow-alpha-wasm"), help: "Allow running WebAssembly functions (alpha).")
    var allowWasm = false

    @Option(name: .customLong("fn-config"), help: "Path to the file containing functionConfig.")
    var fnConfig: String = ""

    @Option(name: [.short, .customLong("output")], help: "Output: stdout, unwrap, or a new directory. Default: in place.")
    var output: String = ""

    @Option(name: .customLong("results-dir"), help: "Directory to write results.yaml into.")
    var resultsDir: String = ""

    @Flag(name: [.short, .customLong("save")], help: "Save the function to the package Kptfile.")
    var save = false

    @Option(name: [.short, .customLong("type")], help: "mutator or validator (with --save).")
    var type: String = ""

    @Option(name: .customLong("tag"), help: "Image tag or semver constraint (recorded with --save).")
    var tag: String = ""

    @Option(name: .customLong("image-prefix"), help: "Prefix for short image names.")
    var imagePrefix: String?

    @Option(name: .customLong("image-pull-policy"), help: "Always, IfNotPresent or Never.")
    var imagePullPolicy: String = "IfNotPresent"

    @Flag(name: .customLong("network"), help: "Allow network access (container functions only).")
    var network = false

    @Option(name: .customLong("mount"), help: "Storage mounts (container functions only).")
    var mount: [String] = []

    @Option(name: [.short, .customLong("env")], help: "Environment variables (container functions only).")
    var env: [String] = []

    @Flag(name: .customLong("as-current-user"), help: "Run as the current user (container functions only).")
    var asCurrentUser = false

    @Flag(name: [.customShort("m"), .customLong("include-meta-resources")], help: .hidden)
    var includeMetaResources = false

    @OptionGroup var selection: FnSelectorOptions
    @OptionGroup var common: FnCommonOptions
    @OptionGroup var console: FnOutputOptions

    @Argument(parsing: .postTerminator, help: "Function arguments (key=value) after '--'.")
    var functionArguments: [String] = []

    func run() throws {
        let stderr = FnConsole.stderr
        do {
            let request = try makeRequest()
            let factory = try FnRuntimeWiring.factory(common: common, pullPolicy: request.pullPolicy)
            let evaluator = Evaluator(request: request, runners: factory, io: FnConsole.io)
            try evaluator.run()
        } catch let failure as KptFailure {
            if let message = failure.message { stderr(FnConsole.kubectlStyle(message)) }
            throw ExitCode(1)
        } catch {
            stderr(FnConsole.kubectlStyle("\(error)"))
            throw ExitCode(1)
        }
    }

    /// kpt's pre-run checks, in kpt's order (kpt.md §3.1).
    private func makeRequest() throws -> EvalRequest {
        let prefix = try ImageNames.validatedPrefix(imagePrefix)
        if includeMetaResources {
            throw FunctionError("--include-meta-resources is no longer necessary because meta resources are now included by default")
        }
        if save {
            if type.isEmpty { throw FunctionError("--type must be specified if saving functions to Kptfile (--save=true)") }
            if type != "mutator" && type != "validator" {
                throw FunctionError("--type must be either `mutator` or `validator`")
            }
        }
        if !resultsDir.isEmpty { try ResultsFileWriter.prepareDirectory(resultsDir) }
        let outputTarget = try OutputTarget(flag: output)
        if image.isEmpty && exec.isEmpty { throw FunctionError("must specify --image or --exec") }
        if !functionArguments.isEmpty && !fnConfig.isEmpty {
            throw FunctionError("function arguments can only be specified without function config file")
        }
        _ = try ConfigMapArguments.functionConfig(functionArguments)
        guard let pullPolicy = ImagePullPolicy(flag: imagePullPolicy) else {
            throw FunctionError("invalid argument \"\(imagePullPolicy)\" for \"--image-pull-policy\" flag: must be one of: Always, IfNotPresent, Never")
        }
        let reference: FunctionReference
        if !image.isEmpty {
            let resolved = ImageNames.withPrefix(image, prefix: prefix)
            try ImageNames.validate(resolved)
            reference = .image(resolved)
        } else {
            if network || !mount.isEmpty || !env.isEmpty || asCurrentUser {
                throw FunctionError("--mount, --as-current-user, --network and --env can only be used with container functions")
            }
            reference = .exec(exec)
        }
        var request = EvalRequest(target: dir ?? ".", function: reference)
        request.functionArguments = functionArguments
        request.fnConfigPath = fnConfig.isEmpty ? nil : fnConfig
        request.output = outputTarget
        request.resultsDir = resultsDir.isEmpty ? nil : resultsDir
        request.selector = try selection.selector()
        request.exclusion = try selection.exclusion()
        request.allowWasm = allowWasm
        request.pullPolicy = pullPolicy
        request.truncateOutput = console.truncateOutput
        if save {
            request.save = EvalRequest.Save(type: type, tag: tag.isEmpty ? nil : tag)
        }
        return request
    }
}
