/// Runs one function over a list of resources the way kpt's runner does: stamp ids, send a
/// ResourceList, print `[RUNNING]`/`[PASS]`/`[FAIL]`, parse and reconcile the output.
/// The input nodes are never modified; on failure nothing of the output is kept.
public struct FunctionStep {
    public var name: String
    public var reference: FunctionReference
    public var runner: FunctionRunner
    /// Prints `[RUNNING] WASM …`: kpt marks every function of a run made with --allow-alpha-wasm.
    public var isWasm: Bool
    public var functionConfig: YAMLNode?
    /// Set on output items lacking it (render: the package whose function generated them).
    public var packagePath: String?

    public init(name: String, reference: FunctionReference, runner: FunctionRunner, isWasm: Bool,
                functionConfig: YAMLNode?, packagePath: String? = nil) {
        self.name = name; self.reference = reference; self.runner = runner; self.isWasm = isWasm
        self.functionConfig = functionConfig; self.packagePath = packagePath
    }

    /// The outcome of a step: the reconciled items on success, and its result record either way.
    public struct Outcome {
        public var items: [YAMLNode]
        public var result: FunctionResult
    }

    /// Runs the step. On failure the result is recorded into `results` before throwing `KptFailure`.
    public func run(_ items: [YAMLNode], selectedCount: Int?, reporter: ConsoleReporter,
                    results: inout FunctionResultList) throws -> [YAMLNode] {
        let input = items.map { $0.deepCopy() }
        for (i, item) in input.enumerated() {
            item.fnSetAnnotation(KptAnnotations.migrationID, String(i))
            item.fnSetAnnotation(KptAnnotations.id, String(i + 1))
            item.fnSetAnnotation(KptAnnotations.legacyID, String(i + 1))
        }
        let bytes = ResourceIO.encodeResourceList(items: input, functionConfig: functionConfig)
        reporter.running(name, wasm: isWasm, selectedCount: selectedCount)
        let start = ContinuousClock.now
        var result = FunctionResult(reference: reference)
        do {
            let out = try runner.run(input: bytes)
            result.stderr = out.stderr
            let decoded = try ResourceIO.decodeFunctionOutput(out.output)
            result.results = ResultsParser.parse(decoded.results)
            let reconciled = try OutputReconciler.reconcile(output: decoded.items, input: input, packagePath: packagePath)
            if result.hasErrorResult {
                result.exitCode = 1
                reporter.finished(name, passed: false, duration: ContinuousClock.now - start, result: result)
                record(result, into: &results)
                throw KptFailure(message: nil)
            }
            reporter.finished(name, passed: true, duration: ContinuousClock.now - start, result: result)
            record(result, into: &results)
            return reconciled
        } catch let exit as FunctionExitError {
            result.exitCode = exit.exitCode
            result.stderr = exit.stderr
            // An SDK function that failed usually still prints its ResourceList with the results.
            if let decoded = try? ResourceIO.decodeFunctionOutput(exit.stdout) {
                result.results = ResultsParser.parse(decoded.results)
            }
            reporter.finished(name, passed: false, duration: ContinuousClock.now - start, result: result,
                              showExitCode: true)
            record(result, into: &results)
            throw KptFailure(message: nil)
        } catch let failure as KptFailure {
            throw failure
        } catch {
            result.exitCode = 1
            reporter.finished(name, passed: false, duration: ContinuousClock.now - start, result: result)
            record(result, into: &results)
            throw KptFailure(message: "\(error)")
        }
    }

    private func record(_ result: FunctionResult, into list: inout FunctionResultList) {
        list.items.append(result)
        if result.exitCode != 0 { list.exitCode = 1 }
    }
}
