import Foundation
import KptFn
import OCI

/// Plugs the OCI loader into KptFn: resolves an image to its js/wasm module (cached).
final class FnImageSource: WasmImageSource {
    private let loader = WasmImageLoader()

    func wasmModule(image: String, pullPolicy: KptFn.ImagePullPolicy) throws -> [UInt8] {
        let policy = OCI.ImagePullPolicy(rawValue: pullPolicy.rawValue) ?? .ifNotPresent
        do {
            return try loader.load(image, policy: policy)
        } catch {
            throw FunctionError("unable to load image from \(image): \(error)")
        }
    }
}

/// Builds the runner factory every command uses.
enum FnRuntimeWiring {
    static func factory(common: FnCommonOptions, pullPolicy: KptFn.ImagePullPolicy) throws -> FunctionRunnerFactory {
        let limits = try RunLimits.parse(timeout: common.timeout, memoryLimit: common.memoryLimit)
        return FunctionRunnerFactory(wasmRuntime: FnWasmRuntime(), imageSource: FnImageSource(),
                                     limits: limits, pullPolicy: pullPolicy)
    }
}

extension FnImageSource {
    func tags(ofRepositoryOf image: String) throws -> [String] {
        do {
            let reference = try ImageReference(parsing: image)
            return try RegistryClient(reference: reference).tags()
        } catch {
            throw FunctionError("unable to list the tags of \(image): \(error)")
        }
    }
}
