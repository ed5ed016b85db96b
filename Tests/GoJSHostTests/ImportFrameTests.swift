import XCTest
@testable import GoJSHost

/// Drives import handlers on a fake guest, checking the frame layouts of
/// gojs-abi.md §2.2 and the re-read of sp after Go code ran.
final class ImportFrameTests: XCTestCase {
    func testStringRoundTripThroughPrepareAndLoad() throws {
        let g = FakeGuest()
        let rt = g.runtime()
        let sp: UInt32 = 1024
        g.putString("héllo", header: Int(sp) + 8, data: 4096)
        try importHandler("syscall/js.stringVal")(rt, sp)
        let ref = g.get64(Int(sp) + 24)
        XCTAssertEqual(ref >> 32, 0x7FF8_0002)

        g.put64(ref, at: Int(sp) + 8)
        try importHandler("syscall/js.valuePrepareString")(rt, sp)
        let bytesRef = g.get64(Int(sp) + 16)
        XCTAssertEqual(g.get64(Int(sp) + 24), 6)

        g.put64(bytesRef, at: Int(sp) + 8)
        g.put64(8192, at: Int(sp) + 16)
        g.put64(6, at: Int(sp) + 24)
        try importHandler("syscall/js.valueLoadString")(rt, sp)
        XCTAssertEqual(try g.fake.readBytes(8192, count: 6), Array("héllo".utf8))
    }

    func testValueGetReadsGlobalsAndConstants() throws {
        let g = FakeGuest()
        let rt = g.runtime()
        let sp: UInt32 = 2048
        g.put64(0x7FF8_0001_0000_0005, at: Int(sp) + 8)
        g.putString("fs", header: Int(sp) + 16, data: 4096)
        try importHandler("syscall/js.valueGet")(rt, sp)
        let fsRef = g.get64(Int(sp) + 32)
        XCTAssertEqual(fsRef >> 32, 0x7FF8_0001)

        g.put64(fsRef, at: Int(sp) + 8)
        g.putString("constants", header: Int(sp) + 16, data: 4096)
        try importHandler("syscall/js.valueGet")(rt, sp)
        g.put64(g.get64(Int(sp) + 32), at: Int(sp) + 8)
        g.putString("O_CREAT", header: Int(sp) + 16, data: 4096)
        try importHandler("syscall/js.valueGet")(rt, sp)
        XCTAssertEqual(Double(bitPattern: g.get64(Int(sp) + 32)), 64)
    }

    /// fs.write calls its callback synchronously: a nested resume during which
    /// Go's stack moves. Results must land at the re-read sp.
    func testValueCallWritesResultsAtReReadSP() throws {
        let g = FakeGuest()
        let rt = g.runtime()
        let sp: UInt32 = 1024, movedSP: UInt32 = 3072
        var eventSeen: JSObject?
        g.onResume = {
            eventSeen = rt.goObject.get("_pendingEvent").object
            eventSeen?.set("result", .undefined)
            g.currentSP = movedSP
        }
        let callback = try rt.goObject.callMethod("_makeFuncWrapper", [.number(7)])
        let buffer = JSByteArray(Array("out!".utf8))
        let fsRef = rt.values.store(rt.global.get("fs"))
        let args = [.number(1), .object(buffer), .number(0), .number(4), .null, callback].map(rt.values.store)
        g.put64(fsRef, at: Int(sp) + 8)
        g.putString("write", header: Int(sp) + 16, data: 8000)
        g.putRefs(args, header: Int(sp) + 32, data: 8100)
        try importHandler("syscall/js.valueCall")(rt, sp)

        XCTAssertEqual(rt.output.stdoutText, "out!")
        XCTAssertEqual(g.resumeCount, 1)
        let event = try XCTUnwrap(eventSeen)
        XCTAssertEqual(event.get("id").numberValue, 7)
        let cbArgs = try XCTUnwrap(event.get("args").object as? JSArray)
        guard case .null = cbArgs.elements[0] else { return XCTFail("success must pass null as the error") }
        XCTAssertEqual(cbArgs.elements[1].numberValue, 4)
        XCTAssertEqual(g.get64(Int(movedSP) + 56), 0, "fs.write returns undefined")
        XCTAssertEqual(try g.fake.loadU32(UInt64(movedSP) + 64) & 0xFF, 1, "ok flag at the new sp")
    }

    func testValueCallOnMissingMethodReportsNotOK() throws {
        let g = FakeGuest()
        let rt = g.runtime()
        let sp: UInt32 = 1024
        g.put64(0x7FF8_0001_0000_0005, at: Int(sp) + 8)
        g.putString("noSuchFunction", header: Int(sp) + 16, data: 8000)
        g.putRefs([], header: Int(sp) + 32, data: 8100)
        try importHandler("syscall/js.valueCall")(rt, sp)
        XCTAssertEqual(try g.fake.loadU32(UInt64(sp) + 64) & 0xFF, 0)
        let thrown = rt.values.load(g.get64(Int(sp) + 56)).object
        XCTAssertNotNil(thrown?.get("message"), "thrown values carry a message for js.Error")
    }

    func testFileAccessIsRefusedWithErrno() throws {
        let g = FakeGuest()
        let rt = g.runtime()
        var error: JSValue = .undefined
        let cb = JSFunction(name: "cb") { _, args in error = args[0]; return .undefined }
        let fs = try XCTUnwrap(rt.global.get("fs").object)
        _ = try fs.callMethod("open", [.string("/etc/passwd"), .number(0), .number(0), .object(cb)])
        XCTAssertEqual(error.object?.get("code").jsString, "ENOSYS")
        _ = try fs.callMethod("write", [.number(5), .object(JSByteArray([1])), .number(0), .number(1), .null, .object(cb)])
        XCTAssertEqual(error.object?.get("code").jsString, "EBADF")
    }

    func testCopyBytesBothWays() throws {
        let g = FakeGuest()
        let rt = g.runtime()
        let sp: UInt32 = 1024
        let array = JSByteArray([0, 0, 0])
        g.put64(rt.values.store(.object(array)), at: Int(sp) + 8)
        try g.fake.writeBytes([9, 8, 7, 6], at: 5000)
        g.put64(5000, at: Int(sp) + 16); g.put64(4, at: Int(sp) + 24); g.put64(4, at: Int(sp) + 32)
        try importHandler("syscall/js.copyBytesToJS")(rt, sp)
        XCTAssertEqual(array.bytes, [9, 8, 7])
        XCTAssertEqual(g.get64(Int(sp) + 40), 3)

        g.put64(6000, at: Int(sp) + 8); g.put64(2, at: Int(sp) + 16); g.put64(2, at: Int(sp) + 24)
        g.put64(rt.values.store(.object(array)), at: Int(sp) + 32)
        try importHandler("syscall/js.copyBytesToGo")(rt, sp)
        XCTAssertEqual(try g.fake.readBytes(6000, count: 2), [9, 8])
        XCTAssertEqual(try g.fake.loadU32(UInt64(sp) + 48) & 0xFF, 1)

        g.put64(rt.values.store(.string("not bytes")), at: Int(sp) + 32)
        try importHandler("syscall/js.copyBytesToGo")(rt, sp)
        XCTAssertEqual(try g.fake.loadU32(UInt64(sp) + 48) & 0xFF, 0)
    }

    func testBadAddressIsAnErrorNotACrash() {
        let g = FakeGuest()
        let rt = g.runtime()
        g.put64(0xFFFF_0000, at: 1024 + 8)   // string data pointer far outside memory
        g.put64(16, at: 1024 + 16)
        XCTAssertThrowsError(try importHandler("syscall/js.stringVal")(rt, 1024)) { error in
            XCTAssertTrue("\(error)".contains("bad address"), "\(error)")
        }
        XCTAssertThrowsError(try importHandler("runtime.nanotime1")(rt, UInt32.max - 4))
    }

    func testArgvEnvLayout() throws {
        let memory = FakeMemory()
        let (argc, argv) = try ArgvEnv.write(arguments: ["prog", "a"], environment: [("K", "V")], to: memory)
        XCTAssertEqual(argc, 2)
        XCTAssertEqual(argv % 8, 0)
        let p0 = try memory.loadU64(UInt64(argv)), p1 = try memory.loadU64(UInt64(argv) + 8)
        XCTAssertEqual(p0, 4096)
        XCTAssertEqual(try memory.readBytes(p0, count: 5), Array("prog\0".utf8))
        XCTAssertEqual(p1, 4104, "strings are padded to 8 bytes")
        XCTAssertEqual(try memory.loadU64(UInt64(argv) + 16), 0)
        let e0 = try memory.loadU64(UInt64(argv) + 24)
        XCTAssertEqual(try memory.readBytes(e0, count: 4), Array("K=V\0".utf8))
        XCTAssertEqual(try memory.loadU64(UInt64(argv) + 32), 0)
        XCTAssertThrowsError(try ArgvEnv.write(arguments: [String(repeating: "x", count: 9000)], environment: [], to: memory))
    }

    func testExitAndTimers() throws {
        let g = FakeGuest()
        let rt = g.runtime()
        g.put64(25, at: 1024 + 8)
        try importHandler("runtime.scheduleTimeoutEvent")(rt, 1024)
        let id = try g.fake.loadU32(1024 + 16)
        XCTAssertEqual(id, 1)
        XCTAssertTrue(rt.timers.isPending(Int32(id)))
        try g.fake.storeU32(id, at: 1024 + 8)
        try importHandler("runtime.clearTimeoutEvent")(rt, 1024)
        XCTAssertTrue(rt.timers.isEmpty)
        try g.fake.storeU32(3, at: 1024 + 8)
        try importHandler("runtime.wasmExit")(rt, 1024)
        XCTAssertEqual(rt.exitCode, 3)
    }
}
