//go:build js && wasm

package krm

import "syscall/js"

// Main registers the kpt entry points and blocks so the host can call them.
// The shape follows kpt's docs: processResourceList returns the output (or an
// "unable to process" text) and processResourceListErrors the details.
func Main(p Processor) {
	var lastErr string
	js.Global().Set("processResourceList", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) != 1 {
			lastErr = "Invalid number of arguments passed"
			return lastErr
		}
		out, err := Run(p, []byte(args[0].String()))
		if err != nil {
			lastErr = err.Error()
			return "unable to process resource list: " + lastErr
		}
		lastErr = ErrorMessages(out)
		return string(out)
	}))
	js.Global().Set("processResourceListErrors", js.FuncOf(func(this js.Value, args []js.Value) any {
		return lastErr
	}))
	<-make(chan bool)
}
