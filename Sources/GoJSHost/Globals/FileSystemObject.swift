/// `fs`: the guest's only I/O. fd 0 reads the given stdin, fd 1 and 2 write
/// to the output; every other operation fails (EBADF for other descriptors,
/// ENOSYS for anything path-based), so a function cannot touch host files.
/// Callbacks run synchronously (a nested resume) with `null` as the error on
/// success, which Go requires.
enum FileSystemObject {
    /// Node's Linux values; Go reads each with `.Int()` at init.
    static let constants: [String: Double] = [
        "O_WRONLY": 1, "O_RDWR": 2, "O_CREAT": 64, "O_TRUNC": 512, "O_APPEND": 1024, "O_EXCL": 128, "O_DIRECTORY": 65536,
    ]

    static let pathOperations = [
        "chmod", "chown", "lchown", "link", "lstat", "mkdir", "open", "readdir", "readlink", "rename", "rmdir",
        "stat", "symlink", "truncate", "unlink", "utimes",
    ]
    static let descriptorOperations = ["close", "fchmod", "fchown", "fstat", "ftruncate"]

    static func make(runtime: GoRuntime) -> JSObject {
        let fs = JSObject()
        fs.set("constants", .object(JSObject(constants.mapValues { .number($0) })))
        fs.set("write", function("write") { [weak runtime] args in
            let (fd, buffer) = (args[0].intValue, args[1].object as? JSByteArray)
            guard let runtime, let buffer, let range = byteRange(buffer, offset: args[2], length: args[3]) else {
                return .failure(.EINVAL)
            }
            guard runtime.output.write(fd: fd, buffer.bytes[range]) else { return .failure(.EBADF) }
            return .success(.number(Double(range.count)))
        })
        fs.set("writeSync", .object(JSFunction(name: "writeSync") { [weak runtime] _, args in
            guard let runtime, let buffer = args.dropFirst().first?.object as? JSByteArray else {
                throw JSException.errno(.EINVAL, "writeSync")
            }
            guard runtime.output.write(fd: args[0].intValue, buffer.bytes[...]) else { throw JSException.errno(.EBADF, "writeSync") }
            return .number(Double(buffer.bytes.count))
        }))
        fs.set("read", function("read") { [weak runtime] args in
            let (fd, buffer) = (args[0].intValue, args[1].object as? JSByteArray)
            guard let runtime, let buffer, let range = byteRange(buffer, offset: args[2], length: args[3]) else {
                return .failure(.EINVAL)
            }
            guard fd == 0 else { return .failure(.EBADF) }
            let chunk = runtime.readStdin(max: range.count)
            buffer.bytes.replaceSubrange(range.lowerBound..<(range.lowerBound + chunk.count), with: chunk)
            return .success(.number(Double(chunk.count)))
        })
        fs.set("fsync", function("fsync") { _ in .success(.null) })
        for name in pathOperations { fs.set(name, function(name) { _ in .failure(.ENOSYS) }) }
        for name in descriptorOperations {
            fs.set(name, function(name) { args in args.first?.intValue ?? -1 <= 2 ? .failure(.ENOSYS) : .failure(.EBADF) })
        }
        return fs
    }

    /// An fs method with Node's callback convention: the last argument is
    /// `cb(err, result)`; the other arguments are padded so indexing is safe.
    private static func function(_ name: String, _ body: @escaping ([JSValue]) -> Result<JSValue, Errno>) -> JSValue {
        .object(JSFunction(name: name) { _, args in
            guard let callback = args.last?.object, callback.typeFlag == 4 else {
                throw JSException.typeError("fs.\(name): the last argument must be a callback")
            }
            var padded = Array(args.dropLast())
            while padded.count < 6 { padded.append(.undefined) }
            switch body(padded) {
            case .success(let value):
                _ = try callback.call(this: .undefined, arguments: [.null, value])
            case .failure(let code):
                _ = try callback.call(this: .undefined, arguments: [JSException.errno(code, name).value])
            }
            return .undefined
        })
    }

    private static func byteRange(_ buffer: JSByteArray, offset: JSValue, length: JSValue) -> Range<Int>? {
        let start = offset.isNullOrUndefined ? 0 : offset.intValue
        let count = length.isNullOrUndefined ? buffer.bytes.count - start : length.intValue
        guard start >= 0, count >= 0, start <= buffer.bytes.count, count <= buffer.bytes.count - start else { return nil }
        return start..<(start + count)
    }
}


