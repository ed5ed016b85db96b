import Foundation
import GoJSHost
import KptFn
import WasmParser

/// Plugs GoJSHost into KptFn: runs Go js/wasm KRM modules, keeping each parsed module for the
/// life of the process so one module used by several render steps is parsed once.
final class FnWasmRuntime: WasmFunctionRuntime {
    private var modules: [Int: [(bytes: [UInt8], module: Module)]] = [:]

    func run(module bytes: [UInt8], input: [UInt8], limits: RunLimits) throws -> WasmFunctionOutput {
        let module = try parsed(bytes)
        let function = KRMFunction(module: module, limits: GoHostLimits(maxMemoryBytes: limits.memoryLimit,
                                                                         timeout: limits.timeout))
        do {
            let result = try function.run(resourceList: String(decoding: input, as: UTF8.self))
            let console = result.guestOutput.stdoutText + result.guestOutput.stderrText
            return WasmFunctionOutput(result: result.output, console: console)
        } catch KRMFunctionError.host(.timedOut) {
            throw limits.timeoutError()
        } catch KRMFunctionError.host(.memoryLimitExceeded(_, let stderr)) {
            let detail = stderr.isEmpty ? "" : ":\n" + stderr.trimmingCharacters(in: .newlines)
            throw FunctionError(limits.memoryError().message + detail)
        } catch KRMFunctionError.host(.instantiationFailed(let message)) where message.contains("exceeds the configured limit") {
            // The module's initial memory alone is above --memory-limit.
            throw FunctionError(limits.memoryError().message + ": " + message)
        } catch {
            throw FunctionError("\(error)")
        }
    }

    /// Parsed once per distinct module content (hash bucket, then a byte compare).
    private func parsed(_ bytes: [UInt8]) throws -> Module {
        var hasher = Hasher()
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        let key = hasher.finalize()
        if let hit = modules[key]?.first(where: { $0.bytes == bytes }) { return hit.module }
        guard WasmMagic.hasMagic(bytes) else {
            throw FunctionError("the function is not a WebAssembly module (no \\0asm header)")
        }
        let module: Module
        do { module = try GoProgram.parseModule(bytes) } catch {
            throw FunctionError("unable to compile wasm module: \(error)")
        }
        modules[key, default: []].append((bytes, module))
        return module
    }
}
