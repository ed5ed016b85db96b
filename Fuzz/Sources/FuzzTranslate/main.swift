import FuzzSupport
import Glibc
@testable import WasmInterpreter
import WasmParser

/// Layer 2: the register-IR translator, on every defined function of every valid module
/// (exported or not), exactly as `Executor.compile` runs it: validate, then translate.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTranslate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let module = FuzzHost.module(bytes) else { return 0 }
    let store = FuzzHost.store()
    store.configuration.fuel = 0   // a start function must not run: only translation is under test
    guard let imports = FuzzHost.imports(for: module, store: store) else { return 0 }
    let instance: Instance
    do {
        instance = try store.instantiate(ModuleWithoutStart.strip(module), imports: imports)
    } catch {
        return 0
    }
    for index in module.bodies.indices {
        do {
            let constants = try module.validateFunction(index)
            var translator = try Translator(module: module, instance: instance.entity, store: store, definedIndex: index,
                                            constantCount: constants)
            _ = try translator.translate()
        } catch is Trap {   // refusals such as "v128 locals are not supported" are clean errors
        } catch {
            fatalError("translator threw \(type(of: error)): \(error)")
        }
    }
    return 0
}

/// The same module with its start function dropped, so instantiation never executes code.
enum ModuleWithoutStart {
    static func strip(_ module: Module) -> Module {
        module.start = nil
        return module
    }
}

exit(FuzzDriver.run(fuzzTranslate))
