import Foundation

/// `kpt fn render`: run every package's Kptfile pipeline, subpackages first (depth-first,
/// post-order), and write the result only when everything succeeded.
public final class Renderer {
    public let request: RenderRequest
    private let runners: FunctionRunnerFactory
    private let io: FunctionIO
    private var reporter: ConsoleReporter
    private var results = FunctionResultList()
    private var executed = 0
    private var visited = 0

    public init(request: RenderRequest, runners: FunctionRunnerFactory, io: FunctionIO) {
        self.request = request
        self.runners = runners
        self.io = io
        self.reporter = ConsoleReporter(truncate: request.truncateOutput, write: io.writeStderr)
    }

    /// Throws `KptFailure` (message printed by the caller as `Error: … `) or `FunctionError`.
    public func run() throws {
        let root = try resolveRoot()
        let tree = try PackageTree.load(root: root)
        let items: [YAMLNode]
        do {
            items = try render(tree)
        } catch {
            if request.output == .inPlace {
                reporter.line(executed == 0 ? "Failed to execute any functions in \(visited) package(s)."
                                            : "Partially executed \(executed) function(s) in \(visited) package(s).")
            }
            try writeResults()
            throw error
        }
        try writeOutput(items, root: root)
        if request.output == .inPlace {
            reporter.line("Successfully executed \(executed) function(s) in \(visited) package(s).")
        }
        try writeResults()
    }

    private func resolveRoot() throws -> String {
        let dir = request.packagePath
        let fm = FileManager.default
        guard (try? fm.attributesOfItem(atPath: dir)) != nil else {
            throw FunctionError("lstat \(dir): no such file or directory")
        }
        if let dest = try? fm.destinationOfSymbolicLink(atPath: dir) {
            reporter.line("[WARN] resolved symlink \"\(dir)\" to \"\(dest)\", please note that the symlinks within the package are ignored")
        }
        let abs = URL(fileURLWithPath: FileSystem.absolute(dir)).resolvingSymlinksInPath().path
        guard FileSystem.exists(abs + "/Kptfile") else { throw FunctionError("No Kptfile found at \"\(abs)\".") }
        return abs
    }

    /// Children first, then this package's mutators and validators over its own items plus the children's output.
    private func render(_ pkg: RenderPackage) throws -> [YAMLNode] {
        var items = pkg.items
        for child in pkg.children { items += try render(child) }
        visited += 1
        // kpt prints the header for every package, pipeline or not.
        reporter.packageHeader(pkg.displayPath)
        let pipeline = pkg.kptfile
        if pipeline.mutators.isEmpty && pipeline.validators.isEmpty {
            try KRMCheck.check(items, which: "input")
            return items
        }
        // All mutator runners are built before any mutator runs (kpt.md §5.3).
        let mutators = try pipeline.mutators.map { try prepare($0) }
        for (fn, prepared) in zip(pipeline.mutators, mutators) {
            let step = try makeStep(fn, prepared, pkg: pkg, items: items)
            items = try Selection.apply(items, selectors: fn.selectors, exclusions: fn.exclusions) { subset, count in
                try step.run(subset, selectedCount: count, reporter: reporter, results: &results)
            }
            executed += 1
        }
        for fn in pipeline.validators {
            let step = try makeStep(fn, try prepare(fn), pkg: pkg, items: items)
            // Validators see copies; whatever they return is discarded.
            let copies = items.map { $0.deepCopy() }
            _ = try Selection.apply(copies, selectors: fn.selectors, exclusions: fn.exclusions) { subset, count in
                try step.run(subset, selectedCount: count, reporter: reporter, results: &results)
            }
            executed += 1
        }
        return items
    }

    private struct Prepared {
        var reference: FunctionReference
        var kind: FunctionKind
        var runner: FunctionRunner
    }

    private func prepare(_ fn: PipelineFunction) throws -> Prepared {
        let reference: FunctionReference
        let kind: FunctionKind
        if let image = fn.image {
            let prefixed = ImageNames.withPrefix(image, prefix: request.imagePrefix)
            let tagged = try ImageNames.applyingTag(fn.tag, to: prefixed) { repository in
                guard let source = runners.imageSource else {
                    throw FunctionError("unable to list the tags of \(repository): no OCI image loader is available")
                }
                return try source.tags(ofRepositoryOf: repository)
            }
            let resolved = ImageNames.withDefaultTag(tagged)
            reference = .image(resolved)
            kind = request.allowWasm ? .wasmImage(image: resolved) : .containerImage(image: resolved)
        } else {
            let exec = fn.exec ?? ""
            reference = .exec(exec)
            // With --allow-alpha-wasm a module runs without --allow-exec (the wasm guide); anything
            // else run from the file system needs --allow-exec, as in kpt.
            let selected = try FunctionKindSelector.kind(of: .exec(exec), command: .eval, allowWasm: request.allowWasm)
            if case .wasmFile = selected {
                kind = selected
            } else {
                guard request.allowExec else {
                    throw FunctionError("must run with `--allow-exec` option to allow running function binaries")
                }
                kind = selected
            }
        }
        return Prepared(reference: reference, kind: kind, runner: try runners.makeRunner(kind))
    }

    private func makeStep(_ fn: PipelineFunction, _ prepared: Prepared, pkg: RenderPackage,
                          items: [YAMLNode]) throws -> FunctionStep {
        var config: YAMLNode?
        if let pairs = fn.configMap {
            config = ConfigMapArguments.functionConfig(configMap: pairs)
        } else if let path = fn.configPath {
            // The config as it is now in the pipeline, so earlier mutators' edits are seen.
            let clean = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            guard let node = items.first(where: {
                KptAnnotations.path(of: $0) == clean && $0.fnAnnotation(KptAnnotations.packagePath) == pkg.path
            }) else {
                let name = fn.name ?? prepared.reference.displayName
                throw FunctionError("Kptfile is invalid:\nField: `pipeline.mutators.configPath`\nValue: \"\(path)\"\n"
                    + "Reason: functionConfig resource for mutator \"\(name)\" is missing from path \"\(path)\", "
                    + "this also occurs if \"\(path)\" is part of a subpackage")
            }
            config = ConfigCleaner.strippingKptAnnotations(node)
        }
        return FunctionStep(name: prepared.reference.displayName, reference: prepared.reference,
                            runner: prepared.runner, isWasm: request.allowWasm, functionConfig: config,
                            packagePath: pkg.path)
    }

    private func writeOutput(_ items: [YAMLNode], root: String) throws {
        // Paths become root-relative; the package-path annotation is internal to render.
        for item in items {
            if let pkg = item.fnAnnotation(KptAnnotations.packagePath),
               let rel = FilePaths.relative(pkg, to: root), let path = KptAnnotations.path(of: item) {
                let rebased = FilePaths.join(rel, path)
                item.fnSetAnnotation(KptAnnotations.path, rebased)
                item.fnSetAnnotation(KptAnnotations.legacyPath, rebased)
            }
            item.fnRemoveAnnotation(KptAnnotations.packagePath)
        }
        switch request.output {
        case .inPlace: try ResourceIO.writePackage(root: root, items: items)
        case .stdout: io.writeStdout(ResourceIO.resourceListText(items))
        case .unwrap: io.writeStdout(ResourceIO.unwrappedText(items))
        case .directory(let dir): try ResourceIO.writeDirectory(dir, items: items)
        }
    }

    private func writeResults() throws {
        guard let dir = request.resultsDir else { return }
        let path = try ResultsFileWriter.write(results, toDirectory: dir)
        reporter.line("For complete results, see \(path)")
    }
}

/// A functionConfig taken from the package is sent without kpt's bookkeeping annotations.
enum ConfigCleaner {
    static func strippingKptAnnotations(_ node: YAMLNode) -> YAMLNode {
        let copy = node.fnRoot.deepCopy()
        for key in [KptAnnotations.path, KptAnnotations.legacyPath, KptAnnotations.index, KptAnnotations.legacyIndex,
                    KptAnnotations.seqIndent, KptAnnotations.packagePath] {
            copy.fnRemoveAnnotation(key)
        }
        return copy
    }
}
