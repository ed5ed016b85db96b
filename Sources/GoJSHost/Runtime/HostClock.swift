#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time sources for `runtime.nanotime1`, `runtime.walltime` and `Date`.
enum HostClock {
    private static func read(_ clock: clockid_t) -> (sec: Int64, nsec: Int64) {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return (Int64(ts.tv_sec), Int64(ts.tv_nsec))
    }

    /// Unix time in seconds and nanoseconds.
    static func wallTime() -> (sec: Int64, nsec: Int32) {
        let t = read(CLOCK_REALTIME)
        return (t.sec, Int32(t.nsec))
    }

    static func wallTimeMilliseconds() -> Double {
        let t = read(CLOCK_REALTIME)
        return Double(t.sec) * 1000 + Double(t.nsec / 1_000_000)
    }

    /// Monotonic nanoseconds on a wall-clock origin (like the glue's
    /// timeOrigin + performance.now()); never 0, which Go's runtime rejects.
    static func monotonicNanoseconds() -> Int64 {
        let t = read(CLOCK_MONOTONIC)
        return origin &+ t.sec &* 1_000_000_000 &+ t.nsec
    }

    private static let origin: Int64 = {
        let wall = read(CLOCK_REALTIME), mono = read(CLOCK_MONOTONIC)
        return (wall.sec - mono.sec) * 1_000_000_000 + (wall.nsec - mono.nsec) + 1
    }()

    /// Minutes to add to local time to get UTC at `unixSeconds` (JS getTimezoneOffset).
    static func timezoneOffsetMinutes(atUnixSeconds unixSeconds: Int64) -> Int {
        var t = time_t(unixSeconds)
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return 0 }
        return -Int(parts.tm_gmtoff) / 60
    }
}

extension HostClock {
    /// Blocks the calling thread until `instant` (the event loop's wait for a timer).
    static func sleep(until instant: ContinuousClock.Instant) {
        let remaining = ContinuousClock.now.duration(to: instant)
        guard remaining > .zero else { return }
        let (seconds, attoseconds) = remaining.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var left = timespec()
        while nanosleep(&request, &left) != 0 && errno == EINTR { request = left }
    }
}
