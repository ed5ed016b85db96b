import FuzzSupport
import Glibc
import WasmParser

/// Layer 1: decoder + validator. Any input must end in a module or a WasmError, never a crash.
/// Every feature is switched on so the proposal decoders are reached too.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for features in [WasmFeatures.wasm2, FuzzFeatures.all] {
        do {
            let module = try parseModule(bytes, options: ParseOptions(features: features, validateBodies: false))
            // Lazy path: each body validated on its own, as the interpreter does on first call.
            for i in module.bodies.indices { _ = try? module.validateFunction(i) }
        } catch is WasmError {
        } catch {
            fatalError("parseModule threw a non-WasmError: \(error)")
        }
    }
    return 0
}

enum FuzzFeatures {
    static let all: WasmFeatures = [.wasm2, .simd, .tailCall, .extendedConst, .multiMemory, .memory64,
                                    .exceptions, .functionReferences]
}

exit(FuzzDriver.run(fuzzDecode))
