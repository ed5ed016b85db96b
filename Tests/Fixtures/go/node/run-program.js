// Oracle: runs a Go js/wasm program under Node with Go's own wasm_exec.js,
// like $(go env GOROOT)/lib/wasm/wasm_exec_node.js but with an explicit
// argv/env (no inherited environment) so a host under test can be given the same.
// Usage: node run-program.js WASM_EXEC_JS MODULE.wasm [--env K=V]... [--] ARG0 [ARGS...]
"use strict";

const fs = require("fs");
const args = process.argv.slice(2);
const wasmExec = args.shift();
const modulePath = args.shift();
const env = {};
while (args.length > 0 && args[0] === "--env") {
	args.shift();
	const kv = args.shift();
	const eq = kv.indexOf("=");
	env[kv.slice(0, eq)] = kv.slice(eq + 1);
}
if (args[0] === "--") args.shift();

globalThis.fs = fs; // real fd 0/1/2: byte-exact stdio
globalThis.path = require("path");
require(wasmExec);

const go = new Go();
go.argv = args.length > 0 ? args : ["js"];
go.env = env;
go.exit = (code) => { process.exitCode = code; };
WebAssembly.instantiate(fs.readFileSync(modulePath), go.importObject).then((result) => {
	process.on("exit", (code) => {
		if (code === 0 && !go.exited) {
			// Nothing can wake Go any more: make it report the deadlock.
			go._pendingEvent = { id: 0 };
			go._resume();
		}
	});
	return go.run(result.instance);
}).catch((err) => {
	console.error(err);
	process.exit(1);
});
