import FuzzSupport
import Glibc
import WasmInterpreter
import WasmParser

/// Layer 3: execution. Instantiates every valid module under small limits and calls each exported
/// function with arguments taken from the input's bytes. Any result, trap or error is fine;
/// a crash, a sanitizer report or a hang (libFuzzer -timeout) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzExecute(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let module = FuzzHost.module(bytes) else { return 0 }
    let store = FuzzHost.store()
    guard let instance = FuzzHost.instantiate(module, store: store) else { return 0 }
    var seed = ArgumentBytes(Array(bytes.suffix(64)))
    for (_, value) in instance.exports {
        guard case .function(let function) = value else { continue }
        store.configuration.fuel = 200_000
        let args = FuzzHost.arguments(function.type.params, seed: &seed)
        do {
            let results = try function.invoke(args)
            precondition(results.count == function.type.results.count, "result count differs from the type")
        } catch is Trap {
        } catch {
            fatalError("invoke threw \(type(of: error)): \(error)")
        }
    }
    return 0
}

exit(FuzzDriver.run(fuzzExecute))
