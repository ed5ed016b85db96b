import ArgumentParser
import Foundation
import GoJSHost
import KptFn
import WasmInterpreter
import WasmParser

/// `kpt alpha wasm run FILE.wasm`: run a module with no package involved.
struct WasmRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a WebAssembly module: a KRM function on stdin, an export, or a Go program.",
        discussion: """
        Modes:

        kpt alpha wasm run FILE.wasm < resourcelist.yaml
          Runs a Go js/wasm KRM function (processResourceList) on the
          ResourceList read from stdin and prints the ResourceList it
          returns. On failure: the message on stderr, exit 1.

        kpt alpha wasm run FILE.wasm --invoke EXPORT [ARG...]
          Instantiates the module (imported functions trap when called)
          and calls EXPORT. Arguments: 7 (typed from the export's
          parameter), i32:7, i64:7, f32:1.5, f64:1.5; integers may be
          negative or 0x-hex. Each result is printed on its own line:
          i32/i64 as signed decimal, f32/f64 as the shortest decimal that
          reads back to the same value (nan, inf, -inf for specials).
          --features LIST accepts Wasm 3.0 proposals (e.g. tail-call,
          exception-handling, all); the default is Wasm 2.0.
          For peers.py: --peer mine='kpt alpha wasm run {wasm}
          --invoke {export} {typed_args}'

        kpt alpha wasm run FILE.wasm --program [ARG...]
          Runs a Go js/wasm program to completion (argv: FILE.wasm
          ARG...), passing stdout and stderr through (stdin only with
          --stdin); exits with the program's exit code. For peers.py
          --gojs: --peer mine='kpt alpha wasm run {wasm} --program
          {argv}'

        Limits: --timeout (default none) and --memory-limit (default 2Gi)
        apply to every mode; hitting one is an error naming the limit,
        exit 1.
        """
    )

    @Argument(help: "The .wasm module.")
    var file: String

    @Option(name: .customLong("invoke"), help: "Call this export with the remaining arguments.")
    var invoke: String?

    @Option(name: .customLong("features"),
            help: "With --invoke: also accept these Wasm 3.0 features (comma-separated: tail-call, extended-const, multi-memory, memory64, exception-handling, function-references, all). Default: Wasm 2.0.")
    var features: String?

    @Flag(name: .customLong("program"), help: "Run the module as a Go js/wasm program with the remaining arguments.")
    var program = false

    @Flag(name: .customLong("stdin"), help: "With --program: give the program this command's stdin (default: empty).")
    var passStdin = false

    @OptionGroup var common: FnCommonOptions

    @Argument(parsing: .allUnrecognized, help: "Arguments for --invoke or --program.")
    var arguments: [String] = []

    func run() throws {
        do {
            let limits = try RunLimits.parse(timeout: common.timeout, memoryLimit: common.memoryLimit)
            if program && invoke == nil {
                // Mapped, not read: a big Go program's code is mostly never run (see ModuleBinary).
                let bytes: ModuleBinary
                do { bytes = try ModuleBinary(contentsOfFile: file) } catch {
                    throw FunctionError("failed to open file \(file): \(error)")
                }
                MappedModuleGuard.install(for: bytes, path: file)
                throw ExitCode(try runProgram(bytes, limits: limits))
            }
            let bytes = try FileSystem.readBytes(file)
            if let export = invoke {
                let enabled = try features.map { try WasmFeatures(enabling: $0) } ?? .wasm2
                try WasmInvoker(limits: limits, features: enabled).invoke(bytes, export: export, arguments: arguments)
            } else {
                try runFunction(bytes, limits: limits)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FnConsole.stderr(FnConsole.kubectlStyle("\(error)"))
            throw ExitCode(1)
        }
    }

    private func runFunction(_ bytes: [UInt8], limits: RunLimits) throws {
        let input = FnConsole.io.readStdin()
        let runner = WasmFunctionRunner(module: bytes, runtime: FnWasmRuntime(), limits: limits)
        let out = try runner.run(input: input)
        if !out.stderr.isEmpty { FnConsole.stderr(out.stderr) }
        var text = String(decoding: out.output, as: UTF8.self)
        if !text.hasSuffix("\n") { text += "\n" }
        FnConsole.io.writeStdout(text)
    }

    private func runProgram(_ bytes: ModuleBinary, limits: RunLimits) throws -> Int32 {
        let module = try GoProgram.parseModule(bytes)
        let output = GuestOutput(onWrite: { fd, chunk in
            let handle = fd == 2 ? FileHandle.standardError : FileHandle.standardOutput
            handle.write(Data(chunk))
        })
        let hostLimits = GoHostLimits(maxMemoryBytes: limits.memoryLimit, timeout: limits.timeout)
        do {
            // Reading stdin only on request: a benchmark harness may leave it open and silent.
            let stdin = passStdin ? [UInt8](FileHandle.standardInput.readDataToEndOfFile()) : []
            return try GoProgram.run(module: module, arguments: [file] + arguments, stdin: stdin,
                                     limits: hostLimits, output: output).exitCode
        } catch GoHostError.timedOut {
            throw limits.timeoutError()
        } catch GoHostError.memoryLimitExceeded {
            throw limits.memoryError()
        }
    }
}
