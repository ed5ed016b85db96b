// no-entry is a Go js/wasm program that never registers processResourceList.
package main

import "fmt"

func main() { fmt.Println("no entry point here") }
