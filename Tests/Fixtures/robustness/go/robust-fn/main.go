//go:build js && wasm

// robust-fn is a KRM function that misbehaves on request, so the host's limits and its
// handling of bad output can be tested. The mode comes from the functionConfig
// (`kpt fn eval ... -- mode=NAME`): spin, memory, recurse, flood, big,
// badyaml, notrl, edit (replicas: 2 -> 3), ok (echo).
package main

import (
	"fmt"
	"os"
	"strings"
	"syscall/js"
)

var keep [][]byte

func depth(n int) int {
	if n < 0 {
		return 0
	}
	var pad [64]byte
	pad[n%64] = byte(n)
	return depth(n+1) + int(pad[0])
}

func modeOf(input string) string {
	for _, m := range []string{"spin", "memory", "recurse", "flood", "big", "badyaml", "notrl", "edit", "ok"} {
		// kpt passes `-- mode=x` as a ConfigMap, in flow style: data: {mode: x}
		for _, end := range []string{"}", "\n", ","} {
			if strings.Contains(input, "mode: "+m+end) {
				return m
			}
		}
	}
	return "ok"
}

func process(input string) string {
	switch modeOf(input) {
	case "spin":
		n := 0
		for {
			n++
		}
	case "memory":
		for i := 0; ; i++ {
			b := make([]byte, 4<<20)
			b[len(b)-1] = byte(i)
			keep = append(keep, b)
		}
	case "recurse":
		return fmt.Sprint(depth(0))
	case "flood":
		// 10 MiB on the console (1 MiB writes), then a failure.
		chunk := []byte(strings.Repeat(strings.Repeat("x", 1023)+"\n", 1<<10))
		for i := 0; i < 10; i++ {
			os.Stderr.Write(chunk)
		}
		return "unable to process resource list: flooded"
	case "big":
		// A valid ResourceList whose one item carries 10 MiB of data.
		return "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n" +
			"- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: big\n" +
			"    annotations:\n      config.kubernetes.io/path: big.yaml\n" +
			"  data:\n    blob: " + strings.Repeat("x", 10<<20) + "\n"
	case "badyaml":
		return "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: [unclosed\n  - : :\n"
	case "edit":
		return strings.ReplaceAll(input, "replicas: 2", "replicas: 3")
	case "notrl":
		return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: not-a-resource-list\n"
	}
	return input
}

func main() {
	js.Global().Set("processResourceList", js.FuncOf(func(this js.Value, args []js.Value) any {
		return process(args[0].String())
	}))
	js.Global().Set("processResourceListErrors", js.FuncOf(func(this js.Value, args []js.Value) any {
		return ""
	}))
	<-make(chan bool)
}
