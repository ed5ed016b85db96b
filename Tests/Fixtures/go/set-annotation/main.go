// set-annotation is the docs' example function: every key/value of the
// functionConfig's data becomes an annotation on every item; without data it
// sets `processed-by: set-annotation`.
package main

import (
	"gopkg.in/yaml.v3"

	"swiftkpt.test/fixtures/internal/krm"
)

func process(rl *krm.ResourceList) error {
	pairs := [][2]string{{"processed-by", "set-annotation"}}
	if data := rl.ConfigData(); data != nil && data.Kind == yaml.MappingNode && len(data.Content) > 0 {
		pairs = nil
		for i := 0; i+1 < len(data.Content); i += 2 {
			pairs = append(pairs, [2]string{data.Content[i].Value, data.Content[i+1].Value})
		}
	}
	for _, item := range rl.Items().Content {
		for _, kv := range pairs {
			krm.SetAnnotation(item, kv[0], kv[1])
		}
	}
	return nil
}

func main() { krm.Main(process) }
