package codegen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/easkit/easkit/version"
)

// Command schema tables, relative to the repository root.
const (
	SchemaFile      = "gen/spec/ascmd-schema.tsv"
	SchemaNotesFile = "gen/spec/ascmd-schema.md"
	StatusFile      = "gen/spec/ascmd-status.tsv"

	SchemaOut = "eas/schema_gen.go"
	StatusOut = "eas/status_gen.go"
)

// Schema is the fact table of ascmd-schema.tsv as a tree per message.
type Schema struct {
	Messages []*SchemaMessage
	// Nodes in generated order: index 0 is unused, each message's root
	// comes first in its block, and the children of a node are
	// contiguous (First, First+len(Children)).
	Nodes []*SchemaNode
	// Enums holds every enumeration value, referenced by EnumFirst.
	Enums []string
	// Unions are the contents of the "appdata" rows (SchemaNode.Union).
	Unions []*ClassUnion
}

// SchemaMessage is one command request or response.
type SchemaMessage struct {
	Name     string // "Sync request"
	Command  string // "Sync"
	Response bool
	Root     *SchemaNode
}

// SchemaNode is one row: an element occurrence under its parent.
type SchemaNode struct {
	Line     int
	Page     *Page
	Tag      *Tag
	Content  string
	Min, Max int // Max -1: unbounded
	Group    int // parent-local choice group, 1-based; 0 none
	Branch   int // branch of a choice of sequences; 0 none
	Repeated bool
	Order    int // 0 = any order
	Values   []string
	HasRange bool
	Lo, Hi   int64
	Since    version.Version
	Until    version.Version
	Index    int
	Children []*SchemaNode
	// Union is the 1-based index in Schema.Unions of an "appdata" row's
	// content (its values column names the classes); 0 for other rows.
	Union int
	// Class is the item class of a row of asclass-schema.tsv; "" for
	// the rows of ascmd-schema.tsv.
	Class string
	// Layout is the children as laid out in schemaNodes: Children, then
	// for an appdata row the elements of its union (copies of the class
	// rows, which share their children).
	Layout []*SchemaNode

	// Ref is the row whose children this one shares, for a row whose
	// values column is "=" and the path of an ancestor (the recursion of
	// Search's queryType: And and Or hold what Query holds); nil else.
	Ref *SchemaNode

	path     string
	refPath  string // the values column of a Ref row, less the "="
	note     string // the note column
	unionKey string // appdata: the values column (the classes)
}

// classKey returns the classes of an appdata row, comma-separated.
func (n *SchemaNode) classKey() string { return n.unionKey }

// schemaKinds lists the content column's values in the order of the
// generated schemaKind constants, then "propnames", which is generated
// as a container (see kindIdent).
var schemaKinds = []string{"container", "empty", "text", "integer", "unsignedByte", "unsignedShort", "unsignedInt", "boolean01", "datetime", "compactdatetime", "base64", "opaque", "any", "unsignedByteOrEmpty", "unsignedIntOrEmpty", "appdata", "mixed", "propnames"}

// kindIdent returns the schemaKind constant (less its "kind" prefix) of a
// content kind. A "propnames" element (Sync Supported: the names of class
// properties, each an empty element) is a container whose children are
// the empty copies of its union.
func kindIdent(content string) string {
	if content == "propnames" {
		content = "container"
	}
	return strings.ToUpper(content[:1]) + content[1:]
}

// classContent reports whether a content kind takes its children from the
// item classes its values column names: "appdata" (the class elements as
// they are) and "propnames" (their names: each an empty element).
func classContent(content string) bool { return content == "appdata" || content == "propnames" }

// OpenContent reports whether a content kind leaves the element's
// children to trees in the generated command types: "any", and "appdata"
// (the item-class union, which Validate checks but no struct spells out).
func OpenContent(content string) bool {
	return content == "any" || content == "appdata" || content == "propnames" || content == "mixed"
}

// Accepted is a disagreement between the schema table and the code page
// table that ascmd-schema.md accepts (a line "accept<TAB>message<TAB>path<TAB>why").
type accepted struct{ message, path string }

// LoadSchema reads the schema, its notes, the status table and the item
// class tables under root.
func (t *Tables) LoadSchema(root string) error {
	read := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(root, name)) }
	schema, err := read(SchemaFile)
	if err != nil {
		return err
	}
	notes, err := read(SchemaNotesFile)
	if err != nil {
		return err
	}
	status, err := read(StatusFile)
	if err != nil {
		return err
	}
	classes, err := read(ClassFile)
	if err != nil {
		return err
	}
	items, err := read(ItemsFile)
	if err != nil {
		return err
	}
	if err := t.ParseClasses(classes); err != nil {
		return err
	}
	if err := t.ParseItems(items); err != nil {
		return err
	}
	if err := t.ParseSchema(schema, notes); err != nil {
		return err
	}
	return t.ParseStatus(status)
}

func (t *Tables) lookupTag(page, name string) (*Page, *Tag, bool, error) {
	for _, p := range t.Pages {
		if p.Name != page {
			continue
		}
		for _, tg := range p.Tags {
			if tg.Name == name {
				return p, tg, false, nil
			}
		}
		for _, tg := range p.Tags {
			for _, a := range tg.Aliases {
				if a == name {
					return p, tg, true, nil
				}
			}
		}
		return p, nil, false, fmt.Errorf("no tag %s on page %s", name, page)
	}
	return nil, nil, false, fmt.Errorf("unknown page %q", page)
}

// ParseSchema parses ascmd-schema.tsv and checks it against the code
// pages: every step must name a tag (not an alias) and a row's versions
// must lie within its tag's. A disagreement fails unless notes (the
// ascmd-schema.md text) has an "accept" line for the row.
func (t *Tables) ParseSchema(data, notes []byte) error {
	acc := map[accepted]bool{}
	for _, line := range strings.Split(string(notes), "\n") {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if len(f) >= 3 && f[0] == "accept" {
			acc[accepted{f[1], f[2]}] = true
		}
	}
	rows, err := readTSV(SchemaFile, data, "message", "path", "content", "min", "max", "group", "order", "values", "since", "until", "note")
	if err != nil {
		return err
	}
	s := &Schema{}
	msgs := map[string]*SchemaMessage{}
	byPath := map[string]*SchemaNode{}  // message|path|group
	firstAt := map[string]*SchemaNode{} // message|path: first row, the parent of deeper rows
	groups := map[string]map[string]int{}
	var problems []string
	var refs []*SchemaNode
	msgOf := map[*SchemaNode]string{}
	for _, r := range rows {
		f := r.fields
		at := fmt.Sprintf("%s:%d", SchemaFile, r.line)
		name := f["message"]
		cmd, dir, ok := strings.Cut(name, " ")
		if !ok || (dir != "request" && dir != "response") {
			return fmt.Errorf("%s: message %q must be <Command> request or <Command> response", at, name)
		}
		m := msgs[name]
		if m == nil {
			m = &SchemaMessage{Name: name, Command: cmd, Response: dir == "response"}
			msgs[name] = m
			s.Messages = append(s.Messages, m)
		}
		n := &SchemaNode{Line: r.line, Content: f["content"], path: f["path"], note: f["note"]}
		steps := strings.Split(f["path"], "/")
		last := steps[len(steps)-1]
		pg, nm, ok := strings.Cut(last, ":")
		if !ok {
			return fmt.Errorf("%s: step %q has no page", at, last)
		}
		var alias bool
		n.Page, n.Tag, alias, err = t.lookupTag(pg, nm)
		if err != nil {
			return fmt.Errorf("%s: %v", at, err)
		}
		if n.Tag == nil {
			if !acc[accepted{name, f["path"]}] {
				problems = append(problems, fmt.Sprintf("%s: %s: %v", at, f["path"], err))
			}
			continue
		}
		if alias && !acc[accepted{name, f["path"]}] {
			problems = append(problems, fmt.Sprintf("%s: %s is an alias of %s:%s (write the code page name, or accept it in %s)", at, last, pg, n.Tag.Name, SchemaNotesFile))
		}
		if !contains(schemaKinds, n.Content) {
			return fmt.Errorf("%s: unknown content %q", at, n.Content)
		}
		if n.Min, err = strconv.Atoi(f["min"]); err != nil || n.Min < 0 || n.Min > 254 {
			return fmt.Errorf("%s: bad min %q", at, f["min"])
		}
		if f["max"] == "*" {
			n.Max = -1
		} else if n.Max, err = strconv.Atoi(f["max"]); err != nil || n.Max < 1 || n.Max > 254 || n.Max < n.Min {
			return fmt.Errorf("%s: bad max %q", at, f["max"])
		}
		if o := f["order"]; o != "-" {
			if n.Order, err = strconv.Atoi(o); err != nil || n.Order < 1 || n.Order > 255 {
				return fmt.Errorf("%s: bad order %q", at, o)
			}
		}
		if err := n.parseSpan(f, at); err != nil {
			return err
		}
		if v := f["values"]; strings.HasPrefix(v, "=") {
			if n.Content != "container" && n.Content != "mixed" {
				return fmt.Errorf("%s: %s: only a container or mixed row can take its children from another (=path)", at, f["path"])
			}
			if n.refPath = v[1:]; !strings.HasPrefix(f["path"], n.refPath+"/") {
				return fmt.Errorf("%s: %s takes its children from %s, which is not an ancestor", at, f["path"], n.refPath)
			}
			refs = append(refs, n)
		} else if v != "-" && classContent(n.Content) {
			if n.Union, err = t.union(s, v, n.Content == "propnames", at); err != nil {
				return err
			}
			n.unionKey = v
		} else if v != "-" {
			if err := n.parseValues(v, at); err != nil {
				return err
			}
		} else if classContent(n.Content) {
			return fmt.Errorf("%s: %s content needs its classes in the values column", at, n.Content)
		}
		// Versions against the code page.
		if !acc[accepted{name, f["path"]}] {
			if msg := versionDisagreement(n); msg != "" {
				problems = append(problems, fmt.Sprintf("%s: %s: %s", at, f["path"], msg))
			}
		}
		key := name + "|" + f["path"] + "|" + f["group"]
		if byPath[key] != nil {
			return fmt.Errorf("%s: duplicate row %s %s group %s", at, name, f["path"], f["group"])
		}
		byPath[key] = n
		if len(steps) == 1 {
			if m.Root != nil {
				return fmt.Errorf("%s: second root for %s", at, name)
			}
			m.Root = n
			n.Min, n.Max = 1, 1
		} else {
			parentPath := strings.Join(steps[:len(steps)-1], "/")
			parent := firstAt[name+"|"+parentPath]
			if parent == nil {
				return fmt.Errorf("%s: no row for the parent %s", at, parentPath)
			}
			if g := f["group"]; g != "-" {
				if !strings.HasPrefix(g, "c") {
					return fmt.Errorf("%s: bad group %q", at, g)
				}
				g = strings.TrimPrefix(g, "c")
				if strings.HasSuffix(g, "*") {
					n.Repeated = true
					g = strings.TrimSuffix(g, "*")
				}
				id, rest, _ := strings.Cut(g, ".")
				if _, err := strconv.Atoi(id); err != nil {
					return fmt.Errorf("%s: bad group %q", at, f["group"])
				}
				if rest != "" {
					if n.Branch, err = strconv.Atoi(rest); err != nil || n.Branch < 1 {
						return fmt.Errorf("%s: bad group branch %q", at, f["group"])
					}
				}
				pk := name + "|" + parentPath
				if groups[pk] == nil {
					groups[pk] = map[string]int{}
				}
				if groups[pk][id] == 0 {
					groups[pk][id] = len(groups[pk]) + 1
				}
				n.Group = groups[pk][id]
				if n.Group > 4 {
					return fmt.Errorf("%s: more than 4 choice groups under %s", at, parentPath)
				}
			}
			if len(parent.Children) >= 64 {
				return fmt.Errorf("%s: more than 64 children under %s", at, parentPath)
			}
			parent.Children = append(parent.Children, n)
		}
		if firstAt[name+"|"+f["path"]] == nil {
			firstAt[name+"|"+f["path"]] = n
		}
		msgOf[n] = name
	}
	for _, n := range refs {
		at := rowAt(n)
		n.Ref = firstAt[msgOf[n]+"|"+n.refPath]
		switch {
		case n.Ref == nil:
			return fmt.Errorf("%s: no row %s for %s to take its children from", at, n.refPath, n.path)
		case n.Ref.Ref != nil || n.Ref.Union != 0:
			return fmt.Errorf("%s: %s takes its children from another row or a union; name the row that lists them", at, n.refPath)
		case len(n.Children) > 0:
			return fmt.Errorf("%s: %s takes its children from %s and has rows of its own", at, n.path, n.refPath)
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s disagrees with the code pages (fix the row, or add an accept line to %s):\n\t%s", SchemaFile, SchemaNotesFile, strings.Join(problems, "\n\t"))
	}
	for _, m := range s.Messages {
		if m.Root == nil {
			return fmt.Errorf("%s: %s has no root row", SchemaFile, m.Name)
		}
	}
	sort.SliceStable(s.Messages, func(i, j int) bool { return s.Messages[i].Name < s.Messages[j].Name })
	roots := map[string]string{}
	for _, m := range s.Messages {
		k := fmt.Sprintf("%s/%v", m.Root.path, m.Response)
		if other, dup := roots[k]; dup {
			return fmt.Errorf("%s: %s and %s have the same root and direction", SchemaFile, other, m.Name)
		}
		roots[k] = m.Name
	}
	// Layout: breadth first, children contiguous. First the class
	// elements below the unions' top level (once, shared by every copy
	// of their parent), then per message, where an appdata element's
	// children are its own rows followed by copies of its union's.
	s.Nodes = []*SchemaNode{nil}
	enumAt := map[string]int{}
	for _, u := range s.Unions {
		if u.Names {
			continue // the copies are empty elements
		}
		for _, top := range u.Top {
			for q := []*SchemaNode{top}; len(q) > 0; q = q[1:] {
				n := q[0]
				if n.Layout != nil || len(n.Children) == 0 {
					continue
				}
				n.Layout = n.Children
				for _, c := range n.Children {
					c.Index = len(s.Nodes)
					s.Nodes = append(s.Nodes, c)
					q = append(q, c)
				}
			}
		}
	}
	for _, m := range s.Messages {
		m.Root.Index = len(s.Nodes)
		s.Nodes = append(s.Nodes, m.Root)
		for q := []*SchemaNode{m.Root}; len(q) > 0; q = q[1:] {
			n := q[0]
			if n.Ref != nil {
				// An ancestor's children, laid out already (breadth first).
				n.Layout = n.Ref.Layout
				continue
			}
			n.Layout = append([]*SchemaNode(nil), n.Children...)
			for _, c := range n.Children {
				c.Index = len(s.Nodes)
				s.Nodes = append(s.Nodes, c)
				q = append(q, c)
			}
			if n.Union != 0 {
				u := s.Unions[n.Union-1]
				for _, top := range u.Top {
					cp := *top
					if u.Names {
						// The property's name only: empty, at most once.
						cp.Content, cp.Min, cp.Max = "empty", 0, 1
						cp.Values, cp.HasRange, cp.Lo, cp.Hi = nil, false, 0, 0
						cp.Children, cp.Layout = nil, nil
					}
					cp.Index = len(s.Nodes)
					s.Nodes = append(s.Nodes, &cp)
					n.Layout = append(n.Layout, &cp)
				}
			}
		}
	}
	for _, n := range s.Nodes[1:] {
		if len(n.Values) > 0 {
			k := strings.Join(n.Values, "\x00")
			if _, ok := enumAt[k]; !ok {
				enumAt[k] = len(s.Enums)
				s.Enums = append(s.Enums, n.Values...)
			}
		}
	}
	if len(s.Nodes) > 0xFFFF {
		return fmt.Errorf("%s: too many rows", SchemaFile)
	}
	t.Schema = s
	t.enumAt = enumAt
	return nil
}

// versionDisagreement says how a row's versions fall outside its tag's,
// or returns "".
func versionDisagreement(n *SchemaNode) string {
	tg := n.Tag
	if tg.Historic && tg.Since == 0 && tg.AlsoFrom == 0 {
		return "historic tag with no protocol version"
	}
	since, until := tg.Since, tg.Until
	if tg.AlsoFrom != 0 && (since == 0 || tg.AlsoFrom < since) {
		since = tg.AlsoFrom
	}
	if tg.AlsoTo != 0 && until != 0 && tg.AlsoTo > until {
		until = tg.AlsoTo
	}
	switch {
	case n.Since != 0 && n.Since < since:
		return fmt.Sprintf("since %s, but the code page has the tag from %s", n.Since, since)
	case n.Until != 0 && n.Until < since:
		return fmt.Sprintf("until %s, before the tag exists (%s)", n.Until, since)
	case until != 0 && n.Since > until:
		return fmt.Sprintf("since %s, but the code page ends the tag at %s", n.Since, until)
	case until != 0 && (n.Until == 0 || n.Until > until):
		return fmt.Sprintf("open-ended, but the code page ends the tag at %s", until)
	}
	return ""
}

func (t *Tables) writeSchema(b *bytes.Buffer) {
	s := t.Schema
	b.WriteString("package eas\n\n")
	b.WriteString("import \"github.com/easkit/easkit/codepages\"\n\n")
	fmt.Fprintf(b, "// schemaNodes holds the %d rows of gen/spec/ascmd-schema.tsv (%d messages) as\n", len(s.Nodes)-1, len(s.Messages))
	b.WriteString("// element occurrences; index 0 is unused and a node's children are\n// schemaNodes[first : first+count].\n")
	b.WriteString("var schemaNodes = [...]schemaNode{\n\t{},\n")
	parentOf := map[*SchemaNode]*SchemaNode{}
	for _, n := range s.Nodes[1:] {
		for _, c := range n.Layout {
			parentOf[c] = n
		}
	}
	for _, n := range s.Nodes[1:] {
		first := 0
		if len(n.Layout) > 0 {
			first = n.Layout[0].Index
		}
		max := n.Max
		if max < 0 {
			max = 255
		}
		enum, nenum := 0, len(n.Values)
		if nenum > 0 {
			enum = t.enumAt[strings.Join(n.Values, "\x00")]
		}
		req, excl, flags := validatorHints(n, parentOf[n])
		lo, hi := n.Lo, n.Hi
		if m, ok := intEnumMask(n); ok {
			lo, hi = int64(int32(uint32(m))), int64(int32(uint32(m>>32)))
		}
		own := len(n.Children)
		if n.Ref != nil {
			own = len(n.Layout)
		}
		fl := "0"
		if len(flags) > 0 {
			fl = strings.Join(flags, "|")
		}
		fmt.Fprintf(b, "\t{tag: codepages.%s, kind: kind%s, min: %d, max: %d, group: %d, branch: %d, order: %d, flags: %s, since: %d, until: %d, first: %d, count: %d, enum: %d, nenum: %d, lo: %d, hi: %d, req: %#x, excl: %#x, union: %d, own: %d}, // %d: %s line %d\n",
			Ident(n.Page, n.Tag), kindIdent(n.Content), n.Min, max, n.Group, n.Branch, n.Order, fl, n.Since, n.Until, first, len(n.Layout), enum, nenum, lo, hi, req, excl, n.Union, own, n.Index, tableOf(n), n.Line)
	}
	b.WriteString("}\n\n")
	b.WriteString("// schemaTags holds the tag of each of schemaNodes, for a compact search\n// among a node's children.\n")
	b.WriteString("var schemaTags = [...]codepages.Tag{\n\t0,")
	writeWrapped(b, s.Nodes[1:], 6, func(n *SchemaNode) string { return "codepages." + Ident(n.Page, n.Tag) })
	t.writeSchemaLookup(b)
	b.WriteString("// schemaEnums holds the enumeration values of the rows, by schemaNode.enum.\n")
	b.WriteString("var schemaEnums = [...]string{")
	writeWrapped(b, s.Enums, 8, strconv.Quote)
	b.WriteString("// schemaUnions holds the contents of the appdata rows (schemaNode.union):\n// by page*64+token, the position + 1 of each class element among those\n// that follow the row's own children.\n")
	b.WriteString("var schemaUnions = [...]schemaUnion{\n\t{},\n")
	for _, u := range s.Unions {
		key := u.Key
		if u.Names {
			key += " (names: empty elements)"
		}
		fmt.Fprintf(b, "\t{ // %s: %d elements\n\t\tindex: %q,\n\t},\n", key, len(u.Top), trimZeros(u.Index))
	}
	b.WriteString("}\n\n")
	b.WriteString("// schemaMessages lists the messages of the table, by name.\n")
	b.WriteString("var schemaMessages = [...]schemaMessage{\n")
	for _, m := range s.Messages {
		fmt.Fprintf(b, "\t{name: %q, command: %q, response: %v, root: %d},\n", m.Name, m.Command, m.Response, m.Root.Index)
	}
	b.WriteString("}\n\n")
	b.WriteString("// schemaRoot returns the schemaMessages indexes (+1, 0 = none) of the\n// request and the response whose root is tag.\n")
	b.WriteString("func schemaRoot(tag codepages.Tag) (request, response uint8) {\n\tswitch tag {\n")
	type pair struct{ req, resp int }
	roots := map[string]*pair{}
	var order []string
	rootTag := map[string]*SchemaNode{}
	for i, m := range s.Messages {
		id := Ident(m.Root.Page, m.Root.Tag)
		if roots[id] == nil {
			roots[id] = &pair{}
			order = append(order, id)
			rootTag[id] = m.Root
		}
		if m.Response {
			roots[id].resp = i + 1
		} else {
			roots[id].req = i + 1
		}
	}
	sort.Strings(order)
	for _, id := range order {
		fmt.Fprintf(b, "\tcase codepages.%s:\n\t\treturn %d, %d\n", id, roots[id].req, roots[id].resp)
	}
	b.WriteString("\t}\n\treturn 0, 0\n}\n")
}

// validatorHints derives what eas.Validate precomputes for node n (under
// parent, nil for a root): req, the children (by position, below 64) that
// every occurrence of n must have whatever the version; excl, the siblings
// (by position) whose presence rules n out (other alternatives of its
// choice); and the flags that send the validator to its slower general
// checks (see eas/schema.go).
func validatorHints(n, parent *SchemaNode) (req, excl uint64, flags []string) {
	if n.Repeated {
		flags = append(flags, "nodeRepeated")
	}
	if n.HasRange {
		flags = append(flags, "nodeRange")
	}
	switch n.Content {
	case "container", "any", "appdata", "propnames", "mixed", "empty", "text", "opaque":
		if len(n.Values) > 0 || n.HasRange {
			flags = append(flags, "nodeCollect")
		}
	default:
		flags = append(flags, "nodeCollect")
	}
	var counted, slow, branches bool
	for i, c := range n.Layout {
		if c.Max != 1 && c.Max != -1 || c.Min > 1 {
			counted = true
		}
		if c.Branch != 0 {
			branches = true
		}
		if c.Min >= 1 {
			if c.Group == 0 && c.Since == 0 && c.Until == 0 && c.Min == 1 && i < 64 {
				req |= 1 << i
			} else {
				slow = true
			}
		}
	}
	if counted {
		flags = append(flags, "nodeCounted")
	}
	if slow {
		flags = append(flags, "nodeMissingSlow")
	}
	if branches {
		flags = append(flags, "nodeBranches")
	}
	if parent != nil && n.Group != 0 && !n.Repeated {
		for i, o := range parent.Layout {
			if o != n && o.Group == n.Group && (n.Branch == 0 || o.Branch != n.Branch) && i < 64 {
				excl |= 1 << i
			}
		}
	}
	if excl != 0 || n.Since != 0 || n.Until != 0 {
		flags = append(flags, "nodeChecked")
	}
	if _, ok := intEnumMask(n); ok {
		flags = append(flags, "nodeIntEnum")
	}
	return req, excl, flags
}

// rowAt says where n's row is, file and line, for an error: the class
// table for a class row (and a copy of one in a union), the command
// schema otherwise.
func rowAt(n *SchemaNode) string {
	file := SchemaFile
	if n.Class != "" {
		file = ClassFile
	}
	return fmt.Sprintf("%s:%d", file, n.Line)
}

// tableOf names the table a node's row is in.
func tableOf(n *SchemaNode) string {
	if n.Class != "" {
		return "asclass " + n.Class
	}
	return "ascmd"
}

// trimZeros drops the trailing zeros of a union index (the validator
// treats an index past the end as 0).
func trimZeros(b []byte) string {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return string(b)
}

// intEnumMask returns, for an integer-kind row whose enumeration values are
// all decimal integers 0-63 (and which has no range), the values as a bit
// set: Validate tests the parsed value's bit instead of comparing strings.
func intEnumMask(n *SchemaNode) (uint64, bool) {
	switch n.Content {
	case "integer", "unsignedByte", "unsignedShort", "unsignedInt", "unsignedByteOrEmpty", "unsignedIntOrEmpty":
	default:
		return 0, false
	}
	if len(n.Values) == 0 || n.HasRange {
		return 0, false
	}
	var m uint64
	for _, v := range n.Values {
		x, err := strconv.Atoi(v)
		if err != nil || x < 0 || x > 63 || strconv.Itoa(x) != v {
			return 0, false
		}
		m |= 1 << x
	}
	return m, true
}

// parseSpan reads a row's since and until columns ("-" or a protocol
// version, until not before since) into n; at names the row for errors.
func (n *SchemaNode) parseSpan(f map[string]string, at string) error {
	var err error
	if v := f["since"]; v != "-" {
		if n.Since, err = parseVersion(v); err != nil || n.Since == 0 {
			return fmt.Errorf("%s: bad since %q", at, v)
		}
	}
	if v := f["until"]; v != "-" {
		if n.Until, err = parseVersion(v); err != nil || n.Until == 0 || (n.Since != 0 && n.Until < n.Since) {
			return fmt.Errorf("%s: bad until %q", at, v)
		}
	}
	return nil
}

// parseValues reads a row's values column, not "-": a range lo..hi or a
// comma-separated enumeration, into n; at names the row for errors.
func (n *SchemaNode) parseValues(v, at string) error {
	if lo, hi, isRange := strings.Cut(v, ".."); isRange {
		a, err1 := strconv.ParseInt(lo, 10, 32)
		b, err2 := strconv.ParseInt(hi, 10, 32)
		if err1 != nil || err2 != nil || b < a {
			return fmt.Errorf("%s: bad range %q", at, v)
		}
		n.HasRange, n.Lo, n.Hi = true, a, b
		return nil
	}
	n.Values = splitList(v)
	return nil
}

// writeWrapped writes the elements of an array literal, each as format
// gives it followed by a comma, perLine to a line, and closes the literal.
func writeWrapped[T any](b *bytes.Buffer, xs []T, perLine int, format func(T) string) {
	for i, x := range xs {
		if i%perLine == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		b.WriteString(format(x))
		b.WriteString(",")
	}
	b.WriteString("\n}\n\n")
}
