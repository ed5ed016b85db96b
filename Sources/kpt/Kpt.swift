import ArgumentParser

/// The `kpt` command: the subset of kpt that runs KRM functions compiled to WebAssembly.
@main
struct Kpt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpt",
        abstract: "Run KRM functions compiled to WebAssembly, natively in Swift.",
        subcommands: [FnCommand.self, AlphaCommand.self]
    )
}
