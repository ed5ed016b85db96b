// yamlfmt is the yaml.v3 oracle for swift-kpt's YAML layer.
//
//	yamlfmt fmt  < in.yaml   decode every document into yaml.Node, re-encode with indent 2
//	yamlfmt tree < in.yaml   print the node trees (kind, style, tag, value, comments) as JSON lines
//	yamlfmt kio  < in.yaml   like fmt, but split the input into documents the way kyaml's
//	                         ByteReader does (CRLF -> LF, split on "\n---...\n", decode each part)
//	yamlfmt kiotree < in.yaml  the trees of the kio split
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
	"regexp"
	"strings"

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
	var docs []*yaml.Node
	mode := os.Args[1]
	if mode == "kio" || mode == "kiotree" {
		docs = kioDocuments(string(in))
		mode = strings.TrimPrefix(mode, "kio")
		if mode == "" {
			mode = "fmt"
		}
	} else {
		dec := yaml.NewDecoder(bytes.NewReader(in))
		for {
			var doc yaml.Node
			if err := dec.Decode(&doc); err != nil {
				if errors.Is(err, io.EOF) {
					break
				}
				fail(err)
			}
			docs = append(docs, &doc)
		}
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	for _, doc := range docs {
		switch mode {
		case "fmt":
			if err := enc.Encode(doc); err != nil {
				fail(err)
			}
		case "tree":
			b, _ := json.Marshal(toDump(doc))
			out.Write(b)
			out.WriteByte('\n')
		}
	}
	if mode == "fmt" {
		enc.Close()
	}
	os.Stdout.Write(out.Bytes())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}

// kioDocuments splits like kyaml's ByteReader: normalise CRLF, split on lines starting
// with "---" (only a comment may follow), decode the first document of every part and
// skip empty parts.
func kioDocuments(s string) []*yaml.Node {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var parts []string
	if len(s) > 0 {
		prev := 0
		for _, loc := range regexp.MustCompile(`\n---.*\n`).FindAllStringIndex(s, -1) {
			after := strings.TrimSpace(s[loc[0]+4 : loc[1]])
			if len(after) > 0 && after[0] != '#' {
				fail(fmt.Errorf("invalid document separator: %s", strings.TrimSpace(s[loc[0]:loc[1]])))
			}
			parts = append(parts, s[prev:loc[0]])
			prev = loc[1]
		}
		parts = append(parts, s[prev:])
	}
	var docs []*yaml.Node
	for i, part := range parts {
		if i != len(parts)-1 {
			part += "\n"
		}
		var doc yaml.Node
		if err := yaml.NewDecoder(strings.NewReader(part)).Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				continue
			}
			fail(err)
		}
		docs = append(docs, &doc)
	}
	return docs
}
