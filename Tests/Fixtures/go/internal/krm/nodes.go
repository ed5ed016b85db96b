package krm

import "gopkg.in/yaml.v3"

// Get returns the value of key in mapping m, or nil.
func Get(m *yaml.Node, key string) *yaml.Node {
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

// Set replaces or appends key in mapping m.
func Set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// SetString sets a string scalar.
func SetString(m *yaml.Node, key, val string) {
	Set(m, key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: val})
}

// Ensure returns the mapping under key, creating it when absent.
func Ensure(m *yaml.Node, key string) *yaml.Node {
	if v := Get(m, key); v != nil && v.Kind == yaml.MappingNode {
		return v
	}
	v := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	Set(m, key, v)
	return v
}

// Name returns metadata.name of a resource ("" when absent).
func Name(item *yaml.Node) string {
	if n := Get(Get(item, "metadata"), "name"); n != nil {
		return n.Value
	}
	return ""
}

// Kind returns the kind of a resource ("" when absent).
func Kind(item *yaml.Node) string {
	if k := Get(item, "kind"); k != nil {
		return k.Value
	}
	return ""
}

// SetAnnotation sets metadata.annotations[key] = val.
func SetAnnotation(item *yaml.Node, key, val string) {
	SetString(Ensure(Ensure(item, "metadata"), "annotations"), key, val)
}
