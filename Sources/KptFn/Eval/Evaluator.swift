import Foundation

/// `kpt fn eval`: read resources (package or stdin), run one function, write the result back.
public final class Evaluator {
    public let request: EvalRequest
    private let runners: FunctionRunnerFactory
    private let io: FunctionIO

    public init(request: EvalRequest, runners: FunctionRunnerFactory, io: FunctionIO) {
        self.request = request
        self.runners = runners
        self.io = io
    }

    /// Throws `KptFailure` (details printed or to print) or `FunctionError` (to print as `error: …`).
    public func run() throws {
        let reporter = ConsoleReporter(truncate: request.truncateOutput, write: io.writeStderr)
        let fromStdin = request.target == "-"
        let functionConfig = try loadFunctionConfig()
        let root = fromStdin ? nil : try resolvePackageDirectory(reporter: reporter)

        // The runner is built before anything runs: module/image loading errors come first (kpt.md §1.7).
        let kind = try FunctionKindSelector.kind(of: request.function, command: .eval, allowWasm: request.allowWasm)
        let runner = try runners.makeRunner(kind)

        var items = try fromStdin ? ResourceIO.readStream(io.readStdin())
                                  : ResourceIO.readPackage(root: root!, includeSubpackages: true)
        // An fn-config file inside the package is not function input; it is written back unchanged.
        var heldBack: [YAMLNode] = []
        if let root = root, let configPath = request.fnConfigPath,
           let rel = FilePaths.relative(FileSystem.absolute(configPath), to: root) {
            heldBack = items.filter { KptAnnotations.path(of: $0) == rel }
            items.removeAll { KptAnnotations.path(of: $0) == rel }
        }
        try KRMCheck.check(items, which: "input")

        let step = FunctionStep(name: request.function.displayName, reference: request.function, runner: runner,
                                isWasm: request.allowWasm, functionConfig: functionConfig)
        var results = FunctionResultList()
        let output: [YAMLNode]
        do {
            output = try Selection.apply(items, selectors: request.selector.map { [$0] } ?? [],
                                         exclusions: request.exclusion.map { [$0] } ?? []) { subset, count in
                try step.run(subset, selectedCount: count, reporter: reporter, results: &results)
            }
        } catch {
            try writeResults(results, reporter: reporter)
            throw error
        }
        try writeOutput(output + heldBack, root: root, fromStdin: fromStdin)
        try writeResults(results, reporter: reporter)
        if let save = request.save, let root = root {
            try KptfileSaver.save(request: request, type: save.type, packageRoot: root, io: io)
        }
    }

    private func writeOutput(_ items: [YAMLNode], root: String?, fromStdin: Bool) throws {
        switch request.output {
        case .inPlace:
            if let root = root { try ResourceIO.writePackage(root: root, items: items) }
            else { io.writeStdout(ResourceIO.resourceListText(items)) }
        case .stdout:
            io.writeStdout(ResourceIO.resourceListText(items))
        case .unwrap:
            io.writeStdout(ResourceIO.unwrappedText(items))
        case .directory(let dir):
            try ResourceIO.writeDirectory(dir, items: items)
        }
    }

    private func writeResults(_ results: FunctionResultList, reporter: ConsoleReporter) throws {
        guard let dir = request.resultsDir else { return }
        let path = try ResultsFileWriter.write(results, toDirectory: dir)
        reporter.line("")
        reporter.line("For complete results, see \(path)")
    }

    /// `--fn-config FILE`, else the ConfigMap built from `-- key=value`.
    private func loadFunctionConfig() throws -> YAMLNode {
        guard let path = request.fnConfigPath else {
            return try ConfigMapArguments.functionConfig(request.functionArguments)
        }
        guard FileSystem.exists(path) else { throw FunctionError("missing function config file: \(path)") }
        return try FunctionConfigFile.load(path)
    }

    /// Resolves a symlinked DIR with kpt's warning; a missing DIR fails with the OS error.
    private func resolvePackageDirectory(reporter: ConsoleReporter) throws -> String {
        let dir = request.target
        let fm = FileManager.default
        guard (try? fm.attributesOfItem(atPath: dir)) != nil else {
            throw FunctionError("lstat \(dir): no such file or directory")
        }
        if let dest = try? fm.destinationOfSymbolicLink(atPath: dir) {
            reporter.line("[WARN] resolved symlink \"\(dir)\" to \"\(dest)\", please note that the symlinks within the package are ignored")
        }
        guard FileSystem.isDirectory(dir) else { throw FunctionError("\(dir) is not a directory") }
        return URL(fileURLWithPath: FileSystem.absolute(dir)).resolvingSymlinksInPath().path
    }
}

extension FunctionKind {
    public var isWasm: Bool {
        switch self {
        case .wasmFile, .wasmImage: return true
        default: return false
        }
    }
}
