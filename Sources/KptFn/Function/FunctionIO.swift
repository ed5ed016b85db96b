import Foundation

/// Where a command reads stdin and writes stdout/stderr; tests substitute buffers.
public struct FunctionIO {
    public var readStdin: () -> [UInt8]
    public var writeStdout: (String) -> Void
    public var writeStderr: (String) -> Void

    public init(readStdin: @escaping () -> [UInt8], writeStdout: @escaping (String) -> Void,
                writeStderr: @escaping (String) -> Void) {
        self.readStdin = readStdin
        self.writeStdout = writeStdout
        self.writeStderr = writeStderr
    }

    /// The process's own streams.
    public static var standard: FunctionIO {
        FunctionIO(
            readStdin: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
            writeStdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeStderr: { FileHandle.standardError.write(Data($0.utf8)) })
    }
}
