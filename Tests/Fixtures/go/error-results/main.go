// error-results validates that every item has the label `app`: each item
// without it gets a severity-error result. With functionConfig data
// `fail: "true"` it fails outright (a Go error instead of a ResourceList).
package main

import (
	"errors"
	"fmt"

	"swiftkpt.test/fixtures/internal/krm"
)

func process(rl *krm.ResourceList) error {
	if rl.ConfigValue("fail", "") == "true" {
		return errors.New("asked to fail by functionConfig")
	}
	for _, item := range rl.Items().Content {
		if krm.Get(krm.Get(krm.Get(item, "metadata"), "labels"), "app") == nil {
			rl.AddResult("error", fmt.Sprintf("%s %q is missing label app", krm.Kind(item), krm.Name(item)), krm.Name(item))
		}
	}
	return nil
}

func main() { krm.Main(process) }
