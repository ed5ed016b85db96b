/// A failure of a function or of setting one up, with kpt's message text.
public struct FunctionError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// An exec/container function that exited non-zero. kpt prints its stderr and exit code
/// under `[FAIL]` and then no further error line.
public struct FunctionExitError: Error, CustomStringConvertible, Equatable, Sendable {
    public let exitCode: Int32
    public let stderr: String
    /// What the function printed on stdout; an SDK function's failing ResourceList carries its results.
    public let stdout: [UInt8]
    public init(exitCode: Int32, stderr: String, stdout: [UInt8] = []) {
        self.exitCode = exitCode
        self.stderr = stderr
        self.stdout = stdout
    }
    public var description: String { "exit status \(exitCode)" }
}
