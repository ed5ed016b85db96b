import Foundation

/// Runs a native executable as a KRM function: ResourceList on stdin, result on stdout,
/// diagnostics on stderr, non-zero exit = failure (kpt's exec runtime).
public final class ExecFunctionRunner: FunctionRunner {
    public let path: String
    public let arguments: [String]
    public let limits: RunLimits

    public init(path: String, arguments: [String], limits: RunLimits = RunLimits()) {
        self.path = path
        self.arguments = arguments
        self.limits = limits
    }

    public func run(input: [UInt8]) throws -> FunctionRunOutput {
        // A function that exits without reading all of stdin must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath())
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw FunctionError("unexpected function error: fork/exec \(path): \(Self.launchReason(error, path: path))")
        }
        let collected = PipeCollector(stdout: stdout.fileHandleForReading, stderr: stderr.fileHandleForReading)
        // Feed stdin on its own thread so a function that writes before reading cannot deadlock us.
        let writer = Thread {
            let handle = stdin.fileHandleForWriting
            try? handle.write(contentsOf: Data(input))
            try? handle.close()
        }
        writer.start()
        let timedOut = waitForExit(process)
        if timedOut {
            // A grandchild may still hold the pipes open; do not wait for it.
            _ = collected.wait(timeout: .now() + 1)
            throw limits.timeoutError()
        }
        collected.wait()
        let errText = String(decoding: collected.stderrData, as: UTF8.self)
        if process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 {
            let code = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus
                                                                    : process.terminationStatus
            throw FunctionExitError(exitCode: code, stderr: errText, stdout: [UInt8](collected.stdoutData))
        }
        return FunctionRunOutput(output: [UInt8](collected.stdoutData), stderr: errText)
    }

    /// A bare name is looked up on PATH, like Go's exec.Command.
    private func executablePath() -> String {
        if path.contains("/") { return path }
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in dirs {
            let candidate = "\(dir)/\(path)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return path
    }

    /// Returns true when the process was killed for exceeding the timeout.
    private func waitForExit(_ process: Process) -> Bool {
        guard let timeout = limits.timeout else {
            process.waitUntilExit()
            return false
        }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return true
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return false
    }

    private static func launchReason(_ error: Error, path: String) -> String {
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) && path.contains("/") { return "no such file or directory" }
        if path.contains("/") && !fm.isExecutableFile(atPath: path) { return "permission denied" }
        if path.contains("/") { return "exec format error" }
        return "executable file not found in $PATH"
    }
}

/// Drains stdout and stderr of a child concurrently.
final class PipeCollector: @unchecked Sendable {
    private let group = DispatchGroup()
    private(set) var stdoutData = Data()
    private(set) var stderrData = Data()

    init(stdout: FileHandle, stderr: FileHandle) {
        group.enter()
        Thread { [self] in
            self.stdoutData = stdout.readDataToEndOfFile()
            self.group.leave()
        }.start()
        group.enter()
        Thread { [self] in
            self.stderrData = stderr.readDataToEndOfFile()
            self.group.leave()
        }.start()
    }

    func wait() { group.wait() }

    func wait(timeout: DispatchTime) -> DispatchTimeoutResult { group.wait(timeout: timeout) }
}
