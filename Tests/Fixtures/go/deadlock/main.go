// deadlock blocks forever: the host must report Go's deadlock error (exit 2).
package main

import "fmt"

func main() {
	fmt.Println("waiting forever")
	<-make(chan int)
}
