/// A function body translated to register code, plus what the executor needs to set up its frame.
///
/// Frame layout (cells): [params | declared locals | constants | temporaries]. Results are returned in
/// slots 0..<resultCount, so `frameSize` covers them too.
final class CompiledFunction {
    let code: UnsafeMutablePointer<Instruction>
    let codeCount: Int
    let aux: UnsafeMutablePointer<Int32>
    let consts: UnsafeMutablePointer<UInt64>
    let constCount: Int
    let paramCount: Int
    /// Parameters plus declared locals.
    let localCount: Int
    let frameSize: Int
    /// Zeroed locals and constants, copied into every new frame from slot `template.start` on.
    let template: FrameTemplate
    /// try_table regions, innermost first (only looked at while an exception unwinds).
    var catchRegions: [CatchRegion] = []

    init(code: [Instruction], aux: [Int32], consts: [UInt64], paramCount: Int, localCount: Int, frameSize: Int,
         zeroFrom: Int? = nil) {
        self.code = .allocate(capacity: max(code.count, 1))
        self.code.initialize(from: code, count: code.count)
        codeCount = code.count
        self.aux = .allocate(capacity: max(aux.count, 1))
        self.aux.initialize(from: aux, count: aux.count)
        self.consts = .allocate(capacity: max(consts.count, 1))
        self.consts.initialize(from: consts, count: consts.count)
        constCount = consts.count
        self.paramCount = paramCount
        self.localCount = localCount
        self.frameSize = frameSize
        template = FrameTemplate(start: zeroFrom ?? paramCount, localCount: localCount, consts: self.consts,
                                 constCount: consts.count)
    }

    deinit {
        code.deinitialize(count: codeCount)
        code.deallocate()
        aux.deallocate()
        consts.deallocate()
        template.deallocate()
    }
}
