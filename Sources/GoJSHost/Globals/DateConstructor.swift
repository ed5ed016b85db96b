/// `Date`: Go's `time` package calls `new Date()` and `getTimezoneOffset()`
/// to name the local zone; `Date.now()` and `getTime()` are there for completeness.
enum DateConstructor {
    static func make() -> JSFunction {
        let date = JSFunction(name: "Date", body: { _, _ in
            .string("Date")   // Date() called without new returns a string in JS; nothing in Go relies on its text
        }, construct: { args in
            let ms: Double
            if case .number(let given) = args.first ?? .undefined { ms = given } else { ms = HostClock.wallTimeMilliseconds() }
            return .object(instance(milliseconds: ms))
        })
        date.set("now", .object(JSFunction(name: "now") { _, _ in .number(HostClock.wallTimeMilliseconds()) }))
        return date
    }

    private static func instance(milliseconds ms: Double) -> JSObject {
        let o = JSObject()
        o.set("getTime", .object(JSFunction(name: "getTime") { _, _ in .number(ms) }))
        o.set("getTimezoneOffset", .object(JSFunction(name: "getTimezoneOffset") { _, _ in
            guard ms.isFinite else { return .number(.nan) }
            return .number(Double(HostClock.timezoneOffsetMinutes(atUnixSeconds: Int64((ms / 1000).rounded(.down)))))
        }))
        return o
    }
}
