#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Guards host -> wasm re-entry: every nested `Function.invoke` runs the executor on the native stack,
/// so deep re-entry could overflow it long before `maxCallDepth`. A nested invoke traps with
/// "call stack exhausted" when less than `margin` bytes of native stack are left.
struct NativeStackGuard {
    static let margin: UInt = 1 << 20

    private var thread: pthread_t?
    private var low: UInt = 0

    /// True when the current thread's stack has room for another executor activation.
    mutating func hasRoom() -> Bool {
        let me = pthread_self()
        if thread == nil || pthread_equal(thread!, me) == 0 {
            guard let l = NativeStackGuard.stackLow() else { return true }
            thread = me
            low = l
        }
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here > low && here - low > NativeStackGuard.margin
    }

    /// Lowest address of the current thread's stack.
    private static func stackLow() -> UInt? {
        #if os(Linux)
        // pthread_getattr_np is a GNU extension the Glibc module does not import; look it up at run time.
        typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
        let getattr = unsafeBitCast(symbol, to: GetAttr.self)
        var attr = pthread_attr_t()
        guard getattr(pthread_self(), &attr) == 0 else { return nil }
        defer { pthread_attr_destroy(&attr) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attr, &address, &size) == 0, let address else { return nil }
        return UInt(bitPattern: address)
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        return top - UInt(pthread_get_stacksize_np(pthread_self()))
        #else
        return nil
        #endif
    }
}
