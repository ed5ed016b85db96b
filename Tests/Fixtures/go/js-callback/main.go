//go:build js && wasm

// js-callback exercises syscall/js: a js.FuncOf callback invoked from Go
// (re-entering Go inside valueInvoke while its stack grows, so sp moves),
// object/array construction, property get/set/delete, indices, byte copies,
// string round trips and number formatting.
package main

import (
	"fmt"
	"syscall/js"
)

func depth(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return depth(n-1) + 1 + int(pad[n%64]) - int(byte(n))
}

func main() {
	g := js.Global()
	cb := js.FuncOf(func(this js.Value, args []js.Value) any {
		sum := 0
		for _, a := range args {
			sum += a.Int()
		}
		return sum + depth(3000)
	})
	defer cb.Release()
	fmt.Println("invoke:", cb.Invoke(1, 2, 3).Int())

	g.Set("callback", cb)
	fmt.Println("type of global callback:", g.Get("callback").Type())
	fmt.Println("call through global:", g.Call("callback", 10).Int())

	obj := js.ValueOf(map[string]any{"a": 1, "b": "two", "c": true})
	fmt.Println("obj.a:", obj.Get("a").Int(), "obj.b:", obj.Get("b").String(), "obj.c:", obj.Get("c").Bool())
	obj.Set("d", 4.5)
	obj.Delete("a")
	fmt.Println("after delete:", obj.Get("a").IsUndefined(), obj.Get("d").Float())

	arr := js.ValueOf([]any{"x", 2, nil, false})
	fmt.Println("array length:", arr.Length(), "arr[0]:", arr.Index(0).String(), "arr[2] null:", arr.Index(2).IsNull())
	arr.SetIndex(1, "y")
	fmt.Println("arr[1]:", arr.Index(1).String())

	buf := js.Global().Get("Uint8Array").New(5)
	n := js.CopyBytesToJS(buf, []byte("hello"))
	out := make([]byte, 3)
	m := js.CopyBytesToGo(out, buf)
	fmt.Println("copied:", n, m, string(out), "len:", buf.Length(), "buf[1]:", buf.Index(1).Int())

	s := js.ValueOf("héllo ✓")
	fmt.Println("string:", s.String(), "equal:", s.Equal(js.ValueOf("héllo ✓")))
	for _, f := range []float64{1.5, 100, 1e21, 1e-7, 0.1 + 0.2, -0, 123456789012, 2.5e-5} {
		fmt.Print(js.ValueOf(f).String(), " ")
	}
	fmt.Println()
	fmt.Println("bool string:", js.ValueOf(true).String(), "null:", js.Null().String(), "undefined:", js.Undefined().String())
	fmt.Println("types:", js.ValueOf(1).Type(), js.ValueOf("s").Type(), obj.Type(), js.Null().Type(), js.ValueOf(true).Type())
	fmt.Println("instanceof:", buf.InstanceOf(js.Global().Get("Uint8Array")), obj.InstanceOf(js.Global().Get("Uint8Array")))
	fmt.Println("missing:", g.Get("noSuchThing").IsUndefined())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		g.Call("noSuchFunction")
	}()
}
