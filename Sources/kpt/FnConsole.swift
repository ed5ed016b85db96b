import Foundation
import KptFn

/// Console conventions of kpt's commands.
enum FnConsole {
    static var io: FunctionIO { .standard }

    static func stderr(_ text: String) { io.writeStderr(text) }

    /// kubectl style, used by fn eval and most plain errors: `error: <message>`.
    static func kubectlStyle(_ message: String) -> String {
        (message.hasPrefix("error: ") ? message : "error: " + message) + "\n"
    }

    /// kpt's structured errors (fn render): `Error: <message> ` — note the space before the newline.
    static func kptStyle(_ message: String) -> String {
        "Error: " + message + " \n"
    }
}
