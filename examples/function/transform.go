package main

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"
)

// process sets an annotation on every item of a ResourceList: each key/value
// of the functionConfig's data (`kpt fn eval ... -- key=value`), or
// `processed-by: set-annotations` without config. It edits the yaml.Node tree
// so comments and key order survive.
func process(input []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(input, &doc); err != nil {
		return nil, fmt.Errorf("parsing ResourceList: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("input is not a YAML document")
	}
	root := doc.Content[0]
	if kind := get(root, "kind"); kind == nil || kind.Value != "ResourceList" {
		return nil, fmt.Errorf("input kind is not ResourceList")
	}
	pairs := [][2]string{{"processed-by", "set-annotations"}}
	if data := get(get(root, "functionConfig"), "data"); data != nil && len(data.Content) > 0 {
		pairs = nil
		for i := 0; i+1 < len(data.Content); i += 2 {
			pairs = append(pairs, [2]string{data.Content[i].Value, data.Content[i+1].Value})
		}
	}
	if items := get(root, "items"); items != nil {
		for _, item := range items.Content {
			annotations := ensure(ensure(item, "metadata"), "annotations")
			for _, kv := range pairs {
				set(annotations, kv[0], kv[1])
			}
		}
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	enc.Close()
	return out.Bytes(), nil
}

func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func ensure(m *yaml.Node, key string) *yaml.Node {
	if v := get(m, key); v != nil && v.Kind == yaml.MappingNode {
		return v
	}
	v := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	return v
}

func set(m *yaml.Node, key, value string) {
	if v := get(m, key); v != nil {
		v.Kind, v.Tag, v.Value, v.Content = yaml.ScalarNode, "!!str", value, nil
		return
	}
	m.Content = append(m.Content,
		&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key},
		&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value})
}
