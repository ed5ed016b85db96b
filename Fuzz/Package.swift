// swift-tools-version:6.0
// libFuzzer targets, one per engine layer. Not part of the main build: see run.sh.
import PackageDescription

let package = Package(
    name: "swift-kpt-fuzz",
    dependencies: [.package(name: "swift-kpt", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "WasmParser", package: "swift-kpt"),
            .product(name: "WasmInterpreter", package: "swift-kpt"),
        ]),
        .executableTarget(name: "FuzzDecode", dependencies: ["FuzzSupport",
            .product(name: "WasmParser", package: "swift-kpt"),
        ]),
        .executableTarget(name: "FuzzTranslate", dependencies: ["FuzzSupport",
            .product(name: "WasmParser", package: "swift-kpt"),
            .product(name: "WasmInterpreter", package: "swift-kpt"),
        ]),
        .executableTarget(name: "FuzzExecute", dependencies: ["FuzzSupport",
            .product(name: "WasmParser", package: "swift-kpt"),
            .product(name: "WasmInterpreter", package: "swift-kpt"),
        ]),
    ]
)
