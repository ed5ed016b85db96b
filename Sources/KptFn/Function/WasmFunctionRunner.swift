import GoText

/// Runs a Go js/wasm KRM module through a `WasmFunctionRuntime`. The module bytes are fetched
/// once, when the runner is built (kpt does this before `[RUNNING]`).
public final class WasmFunctionRunner: FunctionRunner {
    public let module: [UInt8]
    private let runtime: WasmFunctionRuntime
    private let limits: RunLimits

    public init(module: [UInt8], runtime: WasmFunctionRuntime, limits: RunLimits) {
        self.module = module
        self.runtime = runtime
        self.limits = limits
    }

    public func run(input: [UInt8]) throws -> FunctionRunOutput {
        let out = try runtime.run(module: module, input: input, limits: limits)
        // A failing catalog function returns a non-ResourceList string; its details come from
        // processResourceListErrors (kpt.md §1.4 step 7).
        switch ResourceListCheck.check(out.result) {
        case .resourceList:
            return FunctionRunOutput(output: Array(out.result.utf8), stderr: out.console)
        case .notResourceList:
            throw FunctionError("invalid resource list output from wasm library; got \(GoQuote.quote(out.result))"
                                + "\n" + Self.errorsText(out))
        case .malformed(let yamlError):
            throw FunctionError("parsing output resource list with content: \(GoQuote.quote(out.result))\n\(yamlError)"
                                + "\n" + Self.errorsText(out))
        }
    }

    private static func errorsText(_ out: WasmFunctionOutput) -> String {
        do { return try out.errors() } catch {
            return "unable to retrieve additional error message from function: \(error)"
        }
    }
}
