package codegen

import (
	"fmt"
	"strconv"
	"strings"
)

// ClassFile is the item-class table, relative to the repository root.
const ClassFile = "gen/spec/asclass-schema.tsv"

// ClassUnion is the content of an "appdata" element: the top-level
// elements of the item classes it names, each with its own content,
// bounds and children (see ascmd-schema.md, "Item classes").
type ClassUnion struct {
	Key     string // the classes, comma-separated, as in the values column
	Classes []string
	// Names: the union of a "propnames" row, whose elements are the
	// class elements' names only (empty elements, no children).
	Names bool
	Top   []*SchemaNode
	// Index maps page*64+token to a Top position + 1 (0: not in the union).
	Index []byte
}

// ParseClasses parses asclass-schema.tsv into a tree of elements per class
// (t.classes), checked against the code pages as ParseSchema checks its
// rows. ParseSchema then builds the unions its "appdata" rows name.
func (t *Tables) ParseClasses(data []byte) error {
	rows, err := readTSV(ClassFile, data, "class", "path", "content", "min", "max", "values", "since", "until", "note")
	if err != nil {
		return err
	}
	t.classes = map[string][]*SchemaNode{}
	t.classOrder = nil
	firstAt := map[string]*SchemaNode{}
	var problems []string
	for _, r := range rows {
		f := r.fields
		at := fmt.Sprintf("%s:%d", ClassFile, r.line)
		class := f["class"]
		n := &SchemaNode{Line: r.line, Content: f["content"], path: f["path"], note: f["note"], Class: class}
		steps := strings.Split(f["path"], "/")
		pg, nm, ok := strings.Cut(steps[len(steps)-1], ":")
		if !ok {
			return fmt.Errorf("%s: step %q has no page", at, steps[len(steps)-1])
		}
		var alias bool
		n.Page, n.Tag, alias, err = t.lookupTag(pg, nm)
		if err != nil || n.Tag == nil {
			problems = append(problems, fmt.Sprintf("%s: %s: %v", at, f["path"], err))
			continue
		}
		if alias {
			problems = append(problems, fmt.Sprintf("%s: %s is an alias of %s:%s", at, nm, pg, n.Tag.Name))
		}
		if !contains(schemaKinds, n.Content) || n.Content == "any" || classContent(n.Content) {
			return fmt.Errorf("%s: content %q is not a class element's", at, n.Content)
		}
		if n.Min, err = strconv.Atoi(f["min"]); err != nil || n.Min < 0 || n.Min > 1 {
			return fmt.Errorf("%s: bad min %q (0 or 1)", at, f["min"])
		}
		if f["max"] == "*" {
			n.Max = -1
		} else if n.Max, err = strconv.Atoi(f["max"]); err != nil || n.Max < 1 || n.Max > 254 || n.Max < n.Min {
			return fmt.Errorf("%s: bad max %q", at, f["max"])
		}
		if err := n.parseSpan(f, at); err != nil {
			return err
		}
		if v := f["values"]; v != "-" {
			if err := n.parseValues(v, at); err != nil {
				return err
			}
		}
		if msg := versionDisagreement(n); msg != "" {
			problems = append(problems, fmt.Sprintf("%s: %s: %s", at, f["path"], msg))
		}
		key := class + "|" + f["path"]
		if firstAt[key] != nil {
			return fmt.Errorf("%s: duplicate row %s %s", at, class, f["path"])
		}
		firstAt[key] = n
		if len(steps) == 1 {
			if t.classes[class] == nil {
				t.classOrder = append(t.classOrder, class)
			}
			t.classes[class] = append(t.classes[class], n)
			continue
		}
		parent := firstAt[class+"|"+strings.Join(steps[:len(steps)-1], "/")]
		if parent == nil {
			return fmt.Errorf("%s: no row for the parent of %s", at, f["path"])
		}
		if parent.Content != "container" {
			return fmt.Errorf("%s: parent %s is %s, not a container", at, parent.path, parent.Content)
		}
		if len(parent.Children) >= 64 {
			return fmt.Errorf("%s: more than 64 children under %s", at, parent.path)
		}
		parent.Children = append(parent.Children, n)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s disagrees with the code pages:\n\t%s", ClassFile, strings.Join(problems, "\n\t"))
	}
	return nil
}

// union returns the union of the classes named by key (a values cell),
// made once per key and names (the union of a "propnames" row).
func (t *Tables) union(s *Schema, key string, names bool, at string) (int, error) {
	for i, u := range s.Unions {
		if u.Key == key && u.Names == names {
			return i + 1, nil
		}
	}
	if t.classes == nil {
		return 0, fmt.Errorf("%s: appdata content, but no class table (%s) was read", at, ClassFile)
	}
	u := &ClassUnion{Key: key, Classes: splitList(key), Names: names, Index: make([]byte, 64*len(t.Pages))}
	seen := map[*Tag]string{}
	for _, c := range u.Classes {
		top, ok := t.classes[c]
		if !ok {
			return 0, fmt.Errorf("%s: no class %q in %s", at, c, ClassFile)
		}
		for _, n := range top {
			if other, dup := seen[n.Tag]; dup {
				return 0, fmt.Errorf("%s:%d: %s is in class %s and in %s: a union needs one row per element", ClassFile, n.Line, n.path, c, other)
			}
			seen[n.Tag] = c
			u.Top = append(u.Top, n)
			k := int(n.Page.Number)*64 + int(n.Tag.Token)
			if k >= len(u.Index) || n.Tag.Token >= 64 {
				return 0, fmt.Errorf("%s:%d: token outside the union index", ClassFile, n.Line)
			}
			u.Index[k] = byte(len(u.Top))
		}
	}
	if len(u.Top) > 250 {
		return 0, fmt.Errorf("%s: union %s has %d elements, more than 250", at, key, len(u.Top))
	}
	s.Unions = append(s.Unions, u)
	return len(s.Unions), nil
}
