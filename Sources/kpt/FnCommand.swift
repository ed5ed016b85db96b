import ArgumentParser

/// `kpt fn`: evaluate and render functions.
struct FnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fn",
        abstract: "Commands for running functions on packages.",
        subcommands: [FnEvalCommand.self, FnRenderCommand.self]
    )
}
