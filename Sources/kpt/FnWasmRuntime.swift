import Foundation
import GoJSHost
import KptFn
import WasmParser

/// Plugs GoJSHost into KptFn. Each distinct module (by content) is parsed once, and its running
/// Go program is kept: a KRM module stays alive after `processResourceList` returns (its main
/// blocks on a channel), so later steps using the same module (render runs one function in
/// several packages) call it again instead of re-instantiating and re-translating it and
/// re-running Go's runtime start-up. A program that failed in any way is discarded.
final class FnWasmRuntime: WasmFunctionRuntime {
    private struct Live {
        let bytes: [UInt8]
        let memoryLimit: UInt64
        let program: GoProgram
        let output: GuestOutput
    }

    private var modules: [Int: [(bytes: [UInt8], module: Module)]] = [:]
    private var programs: [Int: [Live]] = [:]
    /// kpt's embedded runtime passes only the program name (kpt.md §1.4 step 4).
    static let arguments = ["krm-fn-wasm-wasmtime"]
    /// With `KPT_WASM_CACHE_TRACE` set, each module parse and each program start is logged on
    /// stderr, so tests can check that a module used by several steps is decoded and translated once.
    private static let traceCache = ProcessInfo.processInfo.environment["KPT_WASM_CACHE_TRACE"] != nil

    private static func trace(_ event: String, _ bytes: [UInt8]) {
        guard traceCache else { return }
        FileHandle.standardError.write(Data("wasm-cache: \(event) module of \(bytes.count) bytes\n".utf8))
    }

    func run(module bytes: [UInt8], input: [UInt8], limits: RunLimits) throws -> WasmFunctionOutput {
        let key = Self.key(bytes)
        let live = try program(for: bytes, key: key, limits: limits)
        let program = live.program
        program.renewDeadline()
        let stdoutStart = live.output.stdout.count, stderrStart = live.output.stderr.count
        let inputText = JSValue.string(String(decoding: input, as: UTF8.self))
        let result: String
        do {
            result = try program.call(global: "processResourceList", arguments: [inputText]).jsString
        } catch {
            discard(live, key: key)
            throw Self.translate(error, limits: limits, invoking: "processResourceList")
        }
        let console = String(decoding: live.output.stdout[stdoutStart...], as: UTF8.self)
            + String(decoding: live.output.stderr[stderrStart...], as: UTF8.self)
        return WasmFunctionOutput(result: result, console: console, errors: { [weak self] in
            do {
                return try program.call(global: "processResourceListErrors", arguments: [inputText]).jsString
            } catch {
                self?.discard(live, key: key)
                throw Self.translate(error, limits: limits, invoking: nil)
            }
        })
    }

    /// The live program for a module, started (and its module parsed) on first use.
    private func program(for bytes: [UInt8], key: Int, limits: RunLimits) throws -> Live {
        if let live = programs[key]?.first(where: { $0.memoryLimit == limits.memoryLimit && $0.bytes == bytes }),
           live.program.exitCode == nil {
            return live
        }
        let module = try parsed(bytes, key: key)
        Self.trace("start", bytes)
        let output = GuestOutput()
        let program: GoProgram
        do {
            program = try GoProgram.start(module: module, arguments: Self.arguments,
                                          limits: GoHostLimits(maxMemoryBytes: limits.memoryLimit, timeout: limits.timeout),
                                          output: output)
        } catch {
            throw Self.translate(error, limits: limits, invoking: nil)
        }
        if let code = program.exitCode {
            // kpt (and KRMFunction): a module whose main returns without registering fails the lookup.
            if code == 0 {
                throw Self.translate(GoHostError.globalNotFound("processResourceList"), limits: limits, invoking: "processResourceList")
            }
            throw FunctionError(GoHostError.exited(code: code, stderr: output.stderrText).description)
        }
        let live = Live(bytes: bytes, memoryLimit: limits.memoryLimit, program: program, output: output)
        programs[key, default: []].append(live)
        return live
    }

    private func discard(_ live: Live, key: Int) {
        programs[key]?.removeAll { $0.program === live.program }
    }

    /// kpt's wording for host failures, with limits named by their flags.
    private static func translate(_ error: Error, limits: RunLimits, invoking function: String?) -> Error {
        guard let host = error as? GoHostError else { return FunctionError("\(error)") }
        switch host {
        case .timedOut:
            return limits.timeoutError()
        case .memoryLimitExceeded(_, let stderr):
            let detail = stderr.isEmpty ? "" : ":\n" + stderr.trimmingCharacters(in: .newlines)
            return FunctionError(limits.memoryError().message + detail)
        case .instantiationFailed(let message) where message.contains("exceeds the configured limit"):
            // The module's initial memory alone is above --memory-limit.
            return FunctionError(limits.memoryError().message + ": " + message)
        case .globalNotFound, .globalNotAFunction:
            if let function { return FunctionError("unable to invoke \(function): \(host)") }
            return FunctionError("unable to retrieve additional error message from function: \(host)")
        default:
            return FunctionError(host.description)
        }
    }

    /// Parsed once per distinct module content (hash bucket, then a byte compare).
    private func parsed(_ bytes: [UInt8], key: Int) throws -> Module {
        if let hit = modules[key]?.first(where: { $0.bytes == bytes }) { return hit.module }
        guard WasmMagic.hasMagic(bytes) else {
            throw FunctionError("the function is not a WebAssembly module (no \\0asm header)")
        }
        Self.trace("parse", bytes)
        let module: Module
        do { module = try GoProgram.parseModule(bytes) } catch {
            throw FunctionError("unable to compile wasm module: \(error)")
        }
        modules[key, default: []].append((bytes, module))
        return module
    }

    /// The cache bucket of a module: its size and 256 spread samples of 16 bytes. Every hit is confirmed by
    /// comparing all the bytes, so the key only has to spread modules apart; hashing every byte of a 3 MB Go
    /// module took 21M instructions, 2% of a run on 10 resources.
    private static func key(_ bytes: [UInt8]) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { raw in
            let sample = 16, samples = 256
            guard raw.count > sample * samples else { return hasher.combine(bytes: raw) }
            let stride = (raw.count - sample) / (samples - 1)
            for k in 0..<samples { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[(k * stride)..<(k * stride + sample)])) }
        }
        return hasher.finalize()
    }
}
