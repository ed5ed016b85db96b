// identity returns its ResourceList unchanged (parsed and re-encoded by
// yaml.v3): a render through it must leave every file byte-identical.
package main

import "swiftkpt.test/fixtures/internal/krm"

func process(rl *krm.ResourceList) error { return nil }

func main() { krm.Main(process) }
