// Package krm holds what the test KRM functions share: a yaml.v3 view of a
// ResourceList (comments and key order survive) and the two entry points
// (js/wasm globals, or a native stdin -> stdout filter).
package krm

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"
)

// Processor transforms a parsed ResourceList in place.
type Processor func(rl *ResourceList) error

// ResourceList is the parsed document plus shortcuts to its parts.
type ResourceList struct {
	doc  yaml.Node
	Root *yaml.Node
}

// Parse reads a ResourceList; it fails on anything that is not one.
func Parse(input []byte) (*ResourceList, error) {
	rl := &ResourceList{}
	if err := yaml.Unmarshal(input, &rl.doc); err != nil {
		return nil, fmt.Errorf("parsing ResourceList: %w", err)
	}
	if rl.doc.Kind != yaml.DocumentNode || len(rl.doc.Content) != 1 || rl.doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("input is not a YAML mapping")
	}
	rl.Root = rl.doc.Content[0]
	if k := Get(rl.Root, "kind"); k == nil || k.Value != "ResourceList" {
		return nil, fmt.Errorf("input kind is not ResourceList")
	}
	return rl, nil
}

// Items returns the items sequence, creating it when absent.
func (rl *ResourceList) Items() *yaml.Node {
	items := Get(rl.Root, "items")
	if items == nil || items.Kind != yaml.SequenceNode {
		items = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		Set(rl.Root, "items", items)
	}
	return items
}

// ConfigData returns functionConfig.data (nil when absent).
func (rl *ResourceList) ConfigData() *yaml.Node {
	return Get(Get(rl.Root, "functionConfig"), "data")
}

// ConfigValue returns functionConfig.data[key], or def.
func (rl *ResourceList) ConfigValue(key, def string) string {
	if v := Get(rl.ConfigData(), key); v != nil {
		return v.Value
	}
	return def
}

// AddResult appends a result (severity, message, optional resource name).
func (rl *ResourceList) AddResult(severity, message, name string) {
	results := Get(rl.Root, "results")
	if results == nil {
		results = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		Set(rl.Root, "results", results)
	}
	r := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	SetString(r, "message", message)
	SetString(r, "severity", severity)
	if name != "" {
		ref := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		SetString(ref, "name", name)
		Set(r, "resourceRef", ref)
	}
	results.Content = append(results.Content, r)
}

// Encode writes the document the way every fixture does (2-space indent).
func (rl *ResourceList) Encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&rl.doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ErrorMessages joins the messages of severity-error results of an output
// ResourceList (what processResourceListErrors reports after a run).
func ErrorMessages(output []byte) string {
	rl, err := Parse(output)
	if err != nil {
		return ""
	}
	msgs := ""
	if results := Get(rl.Root, "results"); results != nil {
		for _, r := range results.Content {
			if s := Get(r, "severity"); s != nil && s.Value == "error" {
				if msgs != "" {
					msgs += "\n"
				}
				if m := Get(r, "message"); m != nil {
					msgs += m.Value
				}
			}
		}
	}
	return msgs
}

// Run parses, processes and encodes: the whole function minus the I/O.
func Run(p Processor, input []byte) ([]byte, error) {
	rl, err := Parse(input)
	if err != nil {
		return nil, err
	}
	if err := p(rl); err != nil {
		return nil, err
	}
	return rl.Encode()
}
