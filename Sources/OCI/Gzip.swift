import CZlib

/// gzip (RFC 1952) through zlib: what wasm layers are compressed with.
public enum Gzip {
    /// Compresses to one gzip member; kpt uses the best compression (level 9).
    public static func compress(_ input: [UInt8], level: Int32 = 9) throws -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16 selects the gzip wrapper.
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw OCIError.compression("deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = UInt32(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw OCIError.compression("deflate failed (zlib status \(status))") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count >= 2 && bytes.first == 0x1f && bytes.dropFirst().first == 0x8b
    }

    /// Decompresses every gzip member in `input` (multi-member streams are concatenated, as Go's reader does).
    /// A stream that ends early is an error, never a short result. `limit` caps the output size.
    public static func decompress(_ input: [UInt8], limit: Int = 1 << 31) throws -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 32: accept gzip (or zlib) headers.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw OCIError.compression("inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        try input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { throw OCIError.compression("decompressed data exceeds \(limit) bytes") }
                switch status {
                case Z_STREAM_END:
                    let consumed = inBuf.count - Int(stream.avail_in)
                    // Another member follows? (trailing zero padding is tolerated, as some writers add it)
                    if stream.avail_in == 0 || inBuf[consumed...].allSatisfy({ $0 == 0 }) { return }
                    guard inflateReset(&stream) == Z_OK else { throw OCIError.compression("inflateReset failed") }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw OCIError.compression("unexpected end of compressed data after \(inBuf.count) bytes (truncated?)")
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                    throw OCIError.compression("corrupt data at input offset \(inBuf.count - Int(stream.avail_in)): \(message)")
                }
            }
        }
        return output
    }
}
