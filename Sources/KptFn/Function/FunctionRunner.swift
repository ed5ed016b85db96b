/// Something that runs one KRM function: a serialized ResourceList in, the function's output out.
/// Exec, wasm file and wasm image functions all look like this to eval and render.
public protocol FunctionRunner: AnyObject {
    /// Runs once. Throws `FunctionExitError` for a non-zero exit, `FunctionError` otherwise.
    func run(input: [UInt8]) throws -> FunctionRunOutput
}

/// What one function run produced.
public struct FunctionRunOutput: Sendable {
    /// The output stream: a ResourceList (or multi-document YAML for exec functions).
    public var output: [UInt8]
    /// Diagnostics the function wrote (exec stderr, or a wasm module's console writes).
    public var stderr: String

    public init(output: [UInt8], stderr: String = "") {
        self.output = output
        self.stderr = stderr
    }
}

/// A wasm engine able to run a Go js/wasm KRM module (provided by the CLI from GoJSHost).
/// Implementations should cache the prepared module by content hash so one module used
/// by several steps is parsed and translated once.
public protocol WasmFunctionRuntime: AnyObject {
    func run(module: [UInt8], input: [UInt8], limits: RunLimits) throws -> WasmFunctionOutput
}

/// The raw result of calling `processResourceList` in a module.
public struct WasmFunctionOutput {
    /// The string `processResourceList` returned.
    public var result: String
    /// What the module wrote to fd 1/2.
    public var console: String
    /// Calls `processResourceListErrors`; used only when `result` is not a ResourceList.
    public var errors: () throws -> String

    public init(result: String, console: String = "", errors: @escaping () throws -> String = { "" }) {
        self.result = result
        self.console = console
        self.errors = errors
    }
}

/// Resolves an OCI image reference to the bytes of its js/wasm module (provided by the CLI from OCI).
/// Must throw `FunctionError` naming the problem, e.g. that a container-only image needs a container runtime.
public protocol WasmImageSource: AnyObject {
    func wasmModule(image: String, pullPolicy: ImagePullPolicy) throws -> [UInt8]
    /// The tags of the image's repository (for Kptfile `tag:` constraints).
    func tags(ofRepositoryOf image: String) throws -> [String]
}

extension WasmImageSource {
    public func tags(ofRepositoryOf image: String) throws -> [String] {
        throw FunctionError("listing the tags of \(image) is not supported")
    }
}

/// `--image-pull-policy`.
public enum ImagePullPolicy: String, Sendable, CaseIterable {
    case always = "Always", ifNotPresent = "IfNotPresent", never = "Never"

    /// Case-insensitive, as kpt accepts it.
    public init?(flag: String) {
        guard let p = ImagePullPolicy.allCases.first(where: { $0.rawValue.lowercased() == flag.lowercased() }) else {
            return nil
        }
        self = p
    }
}
