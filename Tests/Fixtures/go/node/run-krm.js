// Oracle: runs a Go js/wasm KRM function the way kpt's node glue does: run the
// module until idle, call processResourceList(stdin), then
// processResourceListErrors(stdin). Writes a JSON report to REPORT_PATH:
//   {"result": string|null, "errors": string|null, "exitCode": number|null}
// Usage: node run-krm.js WASM_EXEC_JS MODULE.wasm REPORT_PATH < resourcelist.yaml
"use strict";

const fs = require("fs");
const [wasmExec, modulePath, reportPath] = process.argv.slice(2);
globalThis.fs = fs;
globalThis.path = require("path");
require(wasmExec);

const input = fs.readFileSync(0, "utf8");
const go = new Go();
go.argv = ["krm-fn-wasm"];
go.env = {};
let exitCode = null;
go.exit = (code) => { exitCode = code; };
WebAssembly.instantiate(fs.readFileSync(modulePath), go.importObject).then((result) => {
	go.run(result.instance);
	const report = { result: null, errors: null, exitCode: null };
	const out = globalThis.processResourceList(input);
	if (typeof out === "string") report.result = out;
	if (!go.exited) {
		const errs = globalThis.processResourceListErrors(input);
		if (typeof errs === "string") report.errors = errs;
	}
	report.exitCode = exitCode;
	fs.writeFileSync(reportPath, JSON.stringify(report));
	process.exit(0);
}).catch((err) => {
	console.error(err);
	process.exit(1);
});
