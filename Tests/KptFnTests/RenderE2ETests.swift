import XCTest

final class RenderE2ETests: XCTestCase {
    func testFnRenderCases() throws { try E2E.runGroup("fn-render") }
}
