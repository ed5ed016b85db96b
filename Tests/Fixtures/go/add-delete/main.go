// add-delete removes every item of the kind named by functionConfig data
// `delete-kind` (default Secret) and adds a ConfigMap listing what is left.
package main

import (
	"strings"

	"gopkg.in/yaml.v3"

	"swiftkpt.test/fixtures/internal/krm"
)

func process(rl *krm.ResourceList) error {
	drop := rl.ConfigValue("delete-kind", "Secret")
	items := rl.Items()
	var kept []*yaml.Node
	var names []string
	for _, item := range items.Content {
		if krm.Kind(item) == drop {
			continue
		}
		kept = append(kept, item)
		names = append(names, krm.Kind(item)+"/"+krm.Name(item))
	}
	cm := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	krm.SetString(cm, "apiVersion", "v1")
	krm.SetString(cm, "kind", "ConfigMap")
	meta := krm.Ensure(cm, "metadata")
	krm.SetString(meta, "name", "inventory")
	krm.SetAnnotation(cm, "config.kubernetes.io/path", "inventory.yaml")
	krm.SetString(krm.Ensure(cm, "data"), "resources", strings.Join(names, ","))
	items.Content = append(kept, cm)
	return nil
}

func main() { krm.Main(process) }
