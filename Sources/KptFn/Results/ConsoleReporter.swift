import Foundation

/// Prints function progress to stderr the way kpt does:
/// `[RUNNING] WASM "<name>" on N resource(s)`, `[PASS] "<name>" in 12ms`, `[FAIL] …`, then
/// indented `[Results]:`, `Stderr:` and `Exit code:` blocks.
public final class ConsoleReporter {
    /// Blocks longer than this are cut unless truncation is off (`--truncate-output=false`).
    public static let truncateLines = 4

    public var truncate: Bool
    private let write: (String) -> Void

    public init(truncate: Bool = true, write: @escaping (String) -> Void) {
        self.truncate = truncate
        self.write = write
    }

    public func packageHeader(_ displayPath: String) {
        write("Package \"\(displayPath)\":\n")
    }

    public func running(_ name: String, wasm: Bool, selectedCount: Int?) {
        var line = "[RUNNING] " + (wasm ? "WASM " : "") + "\"\(name)\""
        if let n = selectedCount { line += " on \(n) resource(s)" }
        write(line + "\n")
    }

    public func finished(_ name: String, passed: Bool, duration: Duration, result: FunctionResult,
                         showExitCode: Bool = false) {
        write("[\(passed ? "PASS" : "FAIL")] \"\(name)\" in \(GoDuration.format(duration))\n")
        if !result.results.isEmpty {
            write("  [Results]:\n")
            block(result.results.map(ResultLine.format))
        }
        if !result.stderr.isEmpty {
            write("  Stderr:\n")
            var lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            block(lines)
        }
        if !passed && showExitCode {
            write("  Exit code: \(result.exitCode)\n\n")
        }
    }

    public func line(_ text: String) { write(text + "\n") }

    private func block(_ lines: [String]) {
        let shown = truncate && lines.count > Self.truncateLines ? Array(lines.prefix(Self.truncateLines)) : lines
        for l in shown {
            let trimmed = l.trimmingCharacters(in: .whitespaces)
            write("    " + trimmed + "\n")
        }
        if shown.count < lines.count {
            write("    ...(\(lines.count - shown.count) line(s) truncated, use '--truncate-output=false' to disable)\n")
        }
    }
}
