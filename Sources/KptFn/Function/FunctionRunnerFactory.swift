/// Builds the runner for a function kind, with the wasm runtime and image source the CLI plugs in.
public final class FunctionRunnerFactory {
    public var wasmRuntime: WasmFunctionRuntime?
    public var imageSource: WasmImageSource?
    public var limits: RunLimits
    public var pullPolicy: ImagePullPolicy

    public init(wasmRuntime: WasmFunctionRuntime? = nil, imageSource: WasmImageSource? = nil,
                limits: RunLimits = RunLimits(), pullPolicy: ImagePullPolicy = .ifNotPresent) {
        self.wasmRuntime = wasmRuntime
        self.imageSource = imageSource
        self.limits = limits
        self.pullPolicy = pullPolicy
    }

    public func makeRunner(_ kind: FunctionKind) throws -> FunctionRunner {
        switch kind {
        case .nativeExec(let path, let arguments):
            return ExecFunctionRunner(path: path, arguments: arguments, limits: limits)
        case .wasmFile(let path):
            let bytes = try FileSystem.readBytes(path)
            return WasmFunctionRunner(module: bytes, runtime: try runtime(), limits: limits)
        case .wasmImage(let image):
            guard let source = imageSource else {
                throw FunctionError("unable to load image from \(image): no OCI image loader is available")
            }
            let bytes = try source.wasmModule(image: image, pullPolicy: pullPolicy)
            return WasmFunctionRunner(module: bytes, runtime: try runtime(), limits: limits)
        case .containerImage(let image):
            throw FunctionError(Self.containerMessage(image))
        }
    }

    /// What we say for an image run without `--allow-alpha-wasm`: this kpt has no container runtime.
    public static func containerMessage(_ image: String) -> String {
        "function image \"\(image)\" is a container function: container functions need a container runtime "
            + "(docker, podman or nerdctl), which this kpt does not use; to run the image's js/wasm platform, "
            + "pass --allow-alpha-wasm"
    }

    private func runtime() throws -> WasmFunctionRuntime {
        guard let r = wasmRuntime else { throw FunctionError("no wasm runtime is available in this build") }
        return r
    }
}
