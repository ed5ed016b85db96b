// yamlfmt is the yaml.v3 oracle for swift-kpt's YAML layer.
//
//	yamlfmt fmt  < in.yaml   decode every document into yaml.Node, re-encode with indent 2
//	yamlfmt tree < in.yaml   print the node trees (kind, style, tag, value, comments) as JSON lines
//
// Errors go to stderr as "error: <yaml.v3 message>" with exit status 1.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"gopkg.in/yaml.v3"
)

type dump struct {
	Kind    string  `json:"kind"`
	Style   int     `json:"style,omitempty"`
	Tag     string  `json:"tag,omitempty"`
	Value   string  `json:"value,omitempty"`
	Anchor  string  `json:"anchor,omitempty"`
	Head    string  `json:"head,omitempty"`
	Line    string  `json:"line,omitempty"`
	Foot    string  `json:"foot,omitempty"`
	Content []*dump `json:"content,omitempty"`
}

var kinds = map[yaml.Kind]string{
	yaml.DocumentNode: "document", yaml.SequenceNode: "sequence", yaml.MappingNode: "mapping",
	yaml.ScalarNode: "scalar", yaml.AliasNode: "alias",
}

func toDump(n *yaml.Node) *dump {
	d := &dump{Kind: kinds[n.Kind], Style: int(n.Style), Tag: n.Tag, Value: n.Value, Anchor: n.Anchor,
		Head: n.HeadComment, Line: n.LineComment, Foot: n.FootComment}
	for _, c := range n.Content {
		d.Content = append(d.Content, toDump(c))
	}
	return d
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: yamlfmt fmt|tree < input")
		os.Exit(2)
	}
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	dec := yaml.NewDecoder(bytes.NewReader(in))
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			fmt.Fprintln(os.Stderr, "error:", err)
			os.Exit(1)
		}
		switch os.Args[1] {
		case "fmt":
			if err := enc.Encode(&doc); err != nil {
				fmt.Fprintln(os.Stderr, "error:", err)
				os.Exit(1)
			}
		case "tree":
			b, _ := json.Marshal(toDump(&doc))
			out.Write(b)
			out.WriteByte('\n')
		}
	}
	if os.Args[1] == "fmt" {
		enc.Close()
	}
	os.Stdout.Write(out.Bytes())
}
