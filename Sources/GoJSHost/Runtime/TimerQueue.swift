/// Timers armed by `runtime.scheduleTimeoutEvent`. Like the glue, a fired
/// timer stays registered until Go clears it; the event loop resumes Go
/// again while it does (golang/go#28975).
final class TimerQueue {
    private var nextID: Int32 = 1
    private var deadlines: [Int32: ContinuousClock.Instant] = [:]
    /// Milliseconds added to every delay: Go ≤ 1.20's glue arms its timers 1 ms
    /// late ("setTimeout has been seen to fire up to 1 millisecond early"), so a
    /// wake-up never precedes the timer Go truncated to whole milliseconds.
    var slackMilliseconds: Int64 = 0

    var isEmpty: Bool { deadlines.isEmpty }

    func schedule(afterMilliseconds delay: Int64) -> Int32 {
        let id = nextID
        nextID = nextID == Int32.max ? 1 : nextID + 1
        let ms = min(max(delay, 0) + slackMilliseconds, 1_000_000_000)
        deadlines[id] = ContinuousClock.now.advanced(by: .milliseconds(ms))
        return id
    }

    func clear(_ id: Int32) {
        deadlines[id] = nil
    }

    func isPending(_ id: Int32) -> Bool {
        deadlines[id] != nil
    }

    /// The timer that fires first.
    func earliest() -> (id: Int32, deadline: ContinuousClock.Instant)? {
        deadlines.min { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }.map { ($0.key, $0.value) }
    }
}
