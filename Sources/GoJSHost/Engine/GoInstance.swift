import WasmInterpreter
import WasmParser

/// A Go js/wasm module instantiated in the engine with this host's imports:
/// every `runtime.*`/`syscall/js.*` name (and `debug`) under both `gojs`
/// (Go ≥ 1.21) and `go` (Go ≤ 1.20), each an `(i32) -> ()` host function
/// reading its arguments from Go's stack.
final class GoInstance: GoGuest {
    let store: Store
    let instance: Instance
    let memory: GuestMemory
    private let runExport: Function
    private let resumeExport: Function
    private let getspExport: Function

    static let importModules = ["gojs", "go"]

    init(module: Module, runtime: GoRuntime, configuration: EngineConfiguration) throws {
        store = Store(configuration: configuration)
        let imports = Self.imports(store: store, runtime: runtime)
        // Go ≤ 1.20 imports from "go"; its glue arms timers 1 ms late (see TimerQueue).
        if module.imports.contains(where: { $0.module == Name("go") }) { runtime.timers.slackMilliseconds = 1 }
        for entry in module.imports where imports.lookup(module: entry.module, name: entry.name) == nil {
            throw GoHostError.unsupportedImport(module: entry.module.string, name: entry.name.string)
        }
        do {
            instance = try store.instantiate(module, imports: imports)
        } catch let error as GoHostError {
            throw error
        } catch {
            throw GoHostError.instantiationFailed("\(error)")
        }
        let instance = self.instance
        func function(_ name: String, _ expected: String) throws -> Function {
            guard let f = instance.exportedFunction(name) else { throw GoHostError.missingExport(name, expected: expected) }
            return f
        }
        runExport = try function("run", "run(argc, argv)")
        resumeExport = try function("resume", "resume()")
        getspExport = try function("getsp", "getsp() -> i32")
        guard let mem = instance.exportedMemory("mem") else { throw GoHostError.missingExport("mem", expected: "memory mem") }
        memory = EngineMemory(mem)
    }

    private static func imports(store: Store, runtime: GoRuntime) -> Imports {
        var imports = Imports()
        let type = FunctionType(params: [.i32], results: [])
        for (name, handler) in RuntimeImports.handlers + JSImports.handlers {
            let function = store.hostFunction(type: type) { [weak runtime] _, args in
                guard let runtime, case .i32(let sp)? = args.first else { throw GoHostError.notStarted }
                runtime.importCalls += 1
                do {
                    try handler(runtime, sp)
                } catch {
                    if runtime.abortError == nil { runtime.abortError = error }
                    throw error
                }
                return []
            }
            for module in importModules {
                imports.define(module: module, name: name, .function(function))
            }
        }
        return imports
    }

    func run(argc: Int32, argv: Int32) throws {
        _ = try runExport.invoke([.i32(UInt32(bitPattern: argc)), .i32(UInt32(bitPattern: argv))])
    }

    func resume() throws {
        _ = try resumeExport.invoke([])
    }

    func getsp() throws -> UInt32 {
        guard case .i32(let sp)? = try getspExport.invoke([]).first else {
            throw GoHostError.missingExport("getsp", expected: "getsp() -> i32")
        }
        return sp
    }
}
