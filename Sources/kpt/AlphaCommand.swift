import ArgumentParser

/// `kpt alpha`: alpha commands.
struct AlphaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alpha",
        abstract: "Alpha commands.",
        subcommands: [AlphaWasmCommand.self]
    )
}

/// `kpt alpha wasm`: push, pull and run WebAssembly functions.
struct AlphaWasmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wasm",
        abstract: "Push, pull and run WebAssembly KRM functions.",
        subcommands: [WasmPushCommand.self, WasmPullCommand.self, WasmRunCommand.self]
    )
}
