// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-kpt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kpt", targets: ["kpt"]),
        .library(name: "WasmParser", targets: ["WasmParser"]),
        .library(name: "WasmInterpreter", targets: ["WasmInterpreter"]),
        .library(name: "GoJSHost", targets: ["GoJSHost"]),
        .library(name: "KptFn", targets: ["KptFn"]),
        .library(name: "OCI", targets: ["OCI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries (Debian: libyaml-dev, zlib1g-dev, libssl-dev).
        .systemLibrary(name: "CYAML", path: "Sources/CYAML"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "COpenSSLCrypto", path: "Sources/COpenSSLCrypto"),

        .target(name: "WasmParser", swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        // The executor's one switch. LLVM copies the dispatch (load, jump-table branch) into every case instead
        // of sharing one indirect branch: each instruction kind gets its own, which the CPU predicts far better.
        // The copying happens after register allocation (early tail duplication off, the late pass allowed
        // blocks of 20 instructions and any number of predecessors), so the allocator sees one dispatch block:
        // done before it, the copies made pc's register depend on every case in the switch, and adding one case
        // could slow all the others by 2-17% (callgrind). Tail merging stays off so the copies are not folded.
        .target(name: "WasmInterpreter", dependencies: ["WasmParser"],
                swiftSettings: [.unsafeFlags(["-Ounchecked", "-Xllvm", "-disable-early-taildup", "-Xllvm", "-tail-dup-size=20",
                                              "-Xllvm", "-tail-dup-pred-size=100000", "-Xllvm", "-tail-dup-succ-size=100000",
                                              "-Xllvm", "-enable-tail-merge=false"],
                                             .when(configuration: .release))]),
        // Go's string quoting (strconv.Quote, encoding/json), shared by GoJSHost and KptFn.
        .target(name: "GoText"),
        .target(name: "GoJSHost", dependencies: ["WasmInterpreter", "WasmParser", "GoText"]),
        .target(name: "KptFn", dependencies: ["CYAML", "GoText"]),
        .target(name: "OCI", dependencies: ["CZlib", "COpenSSLCrypto"]),
        .executableTarget(name: "kpt", dependencies: [
            "KptFn", "OCI", "GoJSHost", "WasmInterpreter", "WasmParser",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "WasmParserTests", dependencies: ["WasmParser"]),
        .testTarget(name: "WasmInterpreterTests", dependencies: ["WasmInterpreter", "WasmParser"]),
        .testTarget(name: "SpecTests", dependencies: ["WasmInterpreter", "WasmParser"]),
        .testTarget(name: "GoTextTests", dependencies: ["GoText"]),
        .testTarget(name: "GoJSHostTests", dependencies: ["GoJSHost", "WasmInterpreter"]),
        .testTarget(name: "KptFnTests", dependencies: ["KptFn"]),
        .testTarget(name: "OCITests", dependencies: ["OCI"]),
        .testTarget(name: "RobustnessTests", dependencies: ["WasmInterpreter", "WasmParser", "GoJSHost", "KptFn", "OCI"]),
    ]
)
