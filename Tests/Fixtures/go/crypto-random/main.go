// crypto-random reads from crypto/rand (runtime.getRandomData) and checks
// the bytes look random; the output is deterministic.
package main

import (
	"bytes"
	"crypto/rand"
	"fmt"
	mrand "math/rand"
)

func main() {
	a := make([]byte, 64)
	b := make([]byte, 64)
	n1, err1 := rand.Read(a)
	n2, err2 := rand.Read(b)
	fmt.Println("read", n1, n2, err1 == nil && err2 == nil)
	fmt.Println("distinct", !bytes.Equal(a, b))
	fmt.Println("nonzero", !bytes.Equal(a, make([]byte, 64)))
	// math/rand is seeded from the runtime's random data too.
	fmt.Println("mathrand in range", mrand.Intn(10) < 10)
}
