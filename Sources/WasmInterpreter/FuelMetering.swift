extension Executor {
    /// Whether a run meters fuel, as a type: `run` is specialized for each, so the unmetered loop (the usual
    /// case) carries no fuel tests on branches and calls and keeps one more register for the hot values.
    protocol FuelMetering { static var isOn: Bool { get } }
    enum Metered: FuelMetering { static var isOn: Bool { true } }
    enum Unmetered: FuelMetering { static var isOn: Bool { false } }

    static func run(store: Store, entry: Int, base: Int) throws {
        if store.configuration.fuel != nil {
            try run(store: store, entry: entry, base: base, metering: Metered.self)
        } else {
            try run(store: store, entry: entry, base: base, metering: Unmetered.self)
        }
    }
}
