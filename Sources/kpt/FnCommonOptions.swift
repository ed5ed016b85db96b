import ArgumentParser

/// Flags every command that runs a module takes.
struct FnCommonOptions: ParsableArguments {
    @Option(name: .customLong("timeout"), help: "Stop a function after this long (e.g. 30s, 2m). Default: none.")
    var timeout: String?

    @Option(name: .customLong("memory-limit"), help: "Largest memory a wasm function may use (e.g. 512Mi, 2Gi).")
    var memoryLimit: String = "2Gi"
}

/// Console flags of fn eval and fn render.
struct FnOutputOptions: ParsableArguments {
    @Option(name: .customLong("truncate-output"), help: "Truncate long result and stderr blocks to 4 lines.")
    var truncateOutput: Bool = true
}
