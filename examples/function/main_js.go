//go:build js && wasm

// WASM build: registers the two functions kpt calls, then stays alive.
package main

import "syscall/js"

func main() {
	var lastErr string
	js.Global().Set("processResourceList", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) != 1 {
			lastErr = "Invalid number of arguments"
			return lastErr
		}
		out, err := process([]byte(args[0].String()))
		if err != nil {
			lastErr = err.Error()
			return "unable to process: " + lastErr
		}
		lastErr = ""
		return string(out)
	}))
	js.Global().Set("processResourceListErrors", js.FuncOf(func(this js.Value, args []js.Value) any {
		return lastErr
	}))
	<-make(chan bool)
}
