import WasmInterpreter
import WasmParser

/// A Go `GOOS=js GOARCH=wasm` program running on this host.
///
/// `start` writes argv/env, runs `main` until Go is idle (or exits). Then
/// either drive it like a command with `runToCompletion()` (timers, deadlock
/// report), or call functions it registered on the global object with
/// `call(global:arguments:)` (how kpt calls `processResourceList`).
/// One thread at a time; after an error the program cannot be used again.
public final class GoProgram {
    public let output: GuestOutput
    public let limits: GoHostLimits
    let runtime: GoRuntime
    let instance: GoInstance
    private var deadline: ContinuousClock.Instant?
    private var failure: GoHostError?

    /// Parses a module for this host: bodies are decoded and validated lazily
    /// (on first call), so loading a multi-megabyte Go module is cheap. The
    /// result can be started any number of times.
    public static func parseModule(_ bytes: [UInt8]) throws -> Module {
        try parseModule(ModuleBinary(bytes))
    }

    /// The same for a module that may be a mapped file.
    public static func parseModule(_ bytes: ModuleBinary) throws -> Module {
        try WasmParser.parseModule(bytes, options: ParseOptions(validateBodies: false))
    }

    /// Instantiates `module` and runs `main` until Go is idle or exits.
    /// `arguments[0]` is the program name (Go's `os.Args[0]`).
    public static func start(module: Module, arguments: [String] = ["js"], environment: [(String, String)] = [],
                             stdin: [UInt8] = [], limits: GoHostLimits = .init(),
                             output: GuestOutput = GuestOutput()) throws -> GoProgram {
        let program = try GoProgram(module: module, stdin: stdin, limits: limits, output: output)
        let (argc, argv) = try ArgvEnv.write(arguments: arguments.isEmpty ? ["js"] : arguments,
                                             environment: environment, to: program.instance.memory)
        try program.guarded { try program.instance.run(argc: argc, argv: argv) }
        return program
    }

    /// Runs a program to its end: start, then the event loop. Returns the exit
    /// code and what it printed; a deadlocked program exits 2 like under Node.
    public static func run(module: Module, arguments: [String] = ["js"], environment: [(String, String)] = [],
                           stdin: [UInt8] = [], limits: GoHostLimits = .init(),
                           output: GuestOutput = GuestOutput()) throws -> (exitCode: Int32, output: GuestOutput) {
        let program = try start(module: module, arguments: arguments, environment: environment,
                                stdin: stdin, limits: limits, output: output)
        return (try program.runToCompletion(), output)
    }

    private init(module: Module, stdin: [UInt8], limits: GoHostLimits, output: GuestOutput) throws {
        self.output = output
        self.limits = limits
        runtime = GoRuntime(stdin: stdin, output: output)
        var configuration = EngineConfiguration()
        if let pages = limits.maxMemoryPages, let limit = limits.maxMemoryBytes {
            // Go's memory is exported, not imported: its initial size alone may be over the limit.
            if let initial = module.memories.first?.limits.min, initial > pages {
                throw GoHostError.memoryLimitExceeded(limitBytes: limit,
                                                      stderr: "the module needs \(GoHostError.formatBytes(initial * 65536)) of memory at start")
            }
            configuration.maxMemoryPages = pages
        }
        configuration.maxCallDepth = limits.maxCallDepth
        instance = try GoInstance(module: module, runtime: runtime, configuration: configuration)
        runtime.guest = instance
        renewDeadline()
    }

    /// The exit code once Go called `runtime.wasmExit`; nil while it is alive.
    public var exitCode: Int32? { runtime.exitCode }

    /// Import calls made so far (diagnostics).
    public var importCallCount: Int { runtime.importCalls }

    /// Bytes copied between linear memory and the host so far (see HostTraffic).
    public var hostTraffic: HostTraffic { instance.memory.traffic }

    /// How often Go's stack had moved during a re-entrant import (diagnostics).
    public var stackMoveCount: Int { runtime.stackMoves }

    /// Restarts the wall-clock budget (`limits.timeout`) from now.
    public func renewDeadline() {
        deadline = limits.timeout.map { ContinuousClock.now.advanced(by: $0) }
    }

    /// A property of the global object.
    public func global(_ name: String) -> JSValue {
        runtime.global.get(name)
    }

    /// Sets a property of the global object (input for programs that read one).
    public func setGlobal(_ name: String, _ value: JSValue) {
        runtime.global.set(name, value)
    }

    /// Calls the function Go stored as global `name` (e.g. with `js.FuncOf`)
    /// and returns its result. Fails if Go exits during the call.
    public func call(global name: String, arguments: [JSValue] = []) throws -> JSValue {
        try checkUsable()
        guard case .object(let function) = runtime.global.get(name) else { throw GoHostError.globalNotFound(name) }
        guard function.typeFlag == 4 else { throw GoHostError.globalNotAFunction(name) }
        var result = JSValue.undefined
        try guarded {
            do {
                result = try function.call(this: .object(runtime.global), arguments: arguments)   // like `globalThis.name(...)`
            } catch let e as JSException {
                result = .undefined
                if runtime.exitCode == nil { throw GoHostError.trapped("\(name) threw: \(e)", stderr: "") }
            }
        }
        if let code = runtime.exitCode { throw GoHostError.exited(code: code, stderr: output.stderrText) }
        return result
    }

    /// The host event loop: fires timers until the program exits. When
    /// nothing can wake Go any more, asks it to report the deadlock (Go
    /// prints its goroutine dump and exits with 2), as Node's runner does.
    public func runToCompletion() throws -> Int32 {
        if let failure { throw failure }
        while runtime.exitCode == nil {
            if let (id, when) = runtime.timers.earliest() {
                if let deadline, when > deadline {
                    HostClock.sleep(until: deadline)
                    throw fail(.timedOut(limit: limits.timeout ?? .zero))
                }
                HostClock.sleep(until: when)
                try guarded { try runtime.resumeGuest() }
                var retries = 0
                while runtime.exitCode == nil, runtime.timers.isPending(id), retries < 8 {
                    try guarded { try runtime.resumeGuest() }
                    retries += 1
                }
                if runtime.timers.isPending(id) { runtime.timers.clear(id) }
            } else {
                runtime.goObject.set("_pendingEvent", .object(JSObject(["id": .number(0)])))
                try guarded { try runtime.resumeGuest() }
                if runtime.exitCode == nil {
                    throw fail(.trapped("Go did not exit after the deadlock report", stderr: output.stderrText))
                }
            }
        }
        return runtime.exitCode ?? 0
    }

    private func checkUsable() throws {
        if let failure { throw failure }
        if let code = runtime.exitCode { throw GoHostError.alreadyExited(code: code) }
    }

    /// Runs Go code under the deadline and turns engine failures into GoHostError.
    private func guarded(_ body: () throws -> Void) throws {
        instance.store.configuration.deadline = deadline
        do {
            try body()
        } catch {
            throw fail(translate(error))
        }
        if let code = runtime.exitCode, code != 0, instance.store.memoryLimitReached, let limit = limits.maxMemoryBytes {
            throw fail(.memoryLimitExceeded(limitBytes: limit, stderr: output.stderrText))
        }
    }

    private func fail(_ error: GoHostError) -> GoHostError {
        if failure == nil { failure = error }
        return error
    }

    private func translate(_ error: Error) -> GoHostError {
        let root = runtime.abortError ?? error
        if let hostError = root as? GoHostError { return hostError }
        if let trap = root as? Trap {
            if trap.kind == .timeout { return .timedOut(limit: limits.timeout ?? .zero) }
            if instance.store.memoryLimitReached, let limit = limits.maxMemoryBytes {
                return .memoryLimitExceeded(limitBytes: limit, stderr: output.stderrText)
            }
            return .trapped(trap.message, stderr: output.stderrText)
        }
        return .trapped("\(root)", stderr: output.stderrText)
    }
}
