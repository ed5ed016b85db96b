import Foundation
import WasmParser

/// Turns the bus error of reading a mapped module file that was truncated under us into a clear
/// message and exit 1, instead of a crash report. Other bus errors keep their default behaviour.
enum MappedModuleGuard {
    // Read by the signal handler, so plain memory prepared before installing it.
    nonisolated(unsafe) private static var lower = 0
    nonisolated(unsafe) private static var upper = 0
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var messageLength = 0

    static func install(for binary: ModuleBinary, path: String) {
        guard let range = binary.addressRange else { return }
        let text = "Error: the module file \(path) was truncated while it ran (it must be replaced, not rewritten in place)\n"
        message = strdup(text)
        messageLength = text.utf8.count
        lower = range.lowerBound
        upper = range.upperBound
        var action = sigaction()
        action.sa_flags = SA_SIGINFO
        action.__sigaction_handler.sa_sigaction = { signal, info, _ in
            let address = Int(bitPattern: info?.pointee._sifields._sigfault.si_addr)
            if address >= MappedModuleGuard.lower && address < MappedModuleGuard.upper, let text = MappedModuleGuard.message {
                _ = write(2, text, MappedModuleGuard.messageLength)
                _exit(1)
            }
            Foundation.signal(signal, SIG_DFL)   // not ours: fault again with the default action
        }
        sigaction(SIGBUS, &action, nil)
    }
}
