/// `process`: identity and working directory are not revealed to the guest.
/// Numbers come back as -1 and the rest throws ENOSYS, as in the glue's
/// browser fallback, so `os.Getwd` gives "not implemented on js".
enum ProcessObject {
    static func make() -> JSObject {
        func constant(_ name: String, _ value: Double) -> (String, JSValue) {
            (name, .object(JSFunction(name: name) { _, _ in .number(value) }))
        }
        func unsupported(_ name: String) -> (String, JSValue) {
            (name, .object(JSFunction(name: name) { _, _ in throw JSException.errno(.ENOSYS, name) }))
        }
        var members: [String: JSValue] = ["pid": .number(-1), "ppid": .number(-1)]
        for (name, value) in [constant("getuid", -1), constant("getgid", -1), constant("geteuid", -1), constant("getegid", -1),
                              unsupported("getgroups"), unsupported("umask"), unsupported("cwd"), unsupported("chdir")] {
            members[name] = value
        }
        return JSObject(members)
    }
}
