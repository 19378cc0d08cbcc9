package codegen

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// ClassesOut is the file of the generated item-class types, relative to
// the repository root.
const ClassesOut = "eas/commands/classes_gen.go"

// ClassModel is what classes_gen.go is written from.
type ClassModel struct {
	Items  []*CommandType // the item roots, in the order of asclass-items.tsv
	Shared []*CommandType // the shared parts and their containers
	Nested []*CommandType // the containers of the items, by item
	// ItemClass maps an item type to its class; Spec to its spec.
	ItemClass, Spec map[*CommandType]string
	what            map[*CommandType]string
	class           map[*CommandType]string // the class of every type
}

// ClassTypes returns the item-class types of the class table, built with
// the rules of the command types (commandFields): the same Go types for
// each content kind, the same enums, bounds, versions and doc comments.
func (t *Tables) ClassTypes() (*ClassModel, error) {
	if t.classes == nil {
		return nil, fmt.Errorf("no class table loaded")
	}
	if t.items == nil {
		return nil, fmt.Errorf("no item table (%s) loaded", ItemsFile)
	}
	enumByTag := map[string]*CommandEnum{}
	for _, e := range commandEnums {
		for _, tg := range e.Tags {
			enumByTag[tg] = e
		}
	}
	m := &ClassModel{ItemClass: map[*CommandType]string{}, Spec: map[*CommandType]string{}, what: map[*CommandType]string{}, class: map[*CommandType]string{}}
	typeOf := map[*SchemaNode]*CommandType{}
	names := map[string]string{}
	name := func(ct *CommandType, at string) error {
		if other, dup := names[ct.Name]; dup {
			return fmt.Errorf("%s: item type name %s is also %s", at, ct.Name, other)
		}
		names[ct.Name] = at
		return nil
	}

	// The shared parts: one type per top-level container, and one per
	// container below it, named by its parent.
	sharedTop := map[string]*SchemaNode{}
	var sharedRoots []*CommandType
	var nest func(list *[]*CommandType, class string, n *SchemaNode, parent string, steps []string) error
	nest = func(list *[]*CommandType, class string, n *SchemaNode, parent string, steps []string) error {
		steps = append(append([]string(nil), steps...), n.Tag.Name)
		ct := &CommandType{Name: nestedName(parent, n.Tag.Name), Node: n, Path: strings.Join(steps, "/")}
		if parent == "" {
			ct.Name = n.Tag.Name
		}
		if err := name(ct, fmt.Sprintf("%s:%d", ClassFile, n.Line)); err != nil {
			return err
		}
		typeOf[n] = ct
		m.class[ct] = class
		*list = append(*list, ct)
		for _, c := range n.Children {
			if c.Content != "container" {
				continue
			}
			if s := sharedTop[c.Page.Name+":"+c.Tag.Name]; s != nil && class != s.Class && sameRows(c, s) {
				shareRows(c, s, typeOf)
				continue
			}
			if err := nest(list, class, c, ct.Name, steps); err != nil {
				return err
			}
		}
		return nil
	}
	for _, class := range sharedClasses {
		for _, n := range t.classes[class] {
			sharedTop[n.Page.Name+":"+n.Tag.Name] = n
			if n.Content != "container" {
				continue
			}
			if err := nest(&m.Shared, class, n, "", nil); err != nil {
				return nil, err
			}
			sharedRoots = append(sharedRoots, typeOf[n])
		}
	}

	// The items: a root holding the class's top-level rows and its
	// shared parts, then the class's containers.
	for _, ic := range t.items {
		top, ok := t.classes[ic.Class]
		if !ok {
			return nil, fmt.Errorf("%s: no class %q in %s", ic.at(), ic.Class, ClassFile)
		}
		root := &SchemaNode{Content: "container", Class: ic.Class, Children: append([]*SchemaNode(nil), top...)}
		for _, tg := range ic.Shared {
			s := sharedTop[tg]
			if s == nil {
				return nil, fmt.Errorf("%s: %s takes %s, which no shared row of %s is", ic.at(), ic.Type, tg, ClassFile)
			}
			root.Children = append(root.Children, s)
		}
		ct := &CommandType{Name: ic.Type, Node: root, Path: ic.Class}
		// The item's versions: from the first version a top-level row
		// has, open-ended (every class has rows in the newest version).
		for i, n := range top {
			if s, _ := nodeVersions(n); i == 0 || s < ct.Since {
				ct.Since = s
			}
		}
		if err := name(ct, ic.at()); err != nil {
			return nil, err
		}
		typeOf[root] = ct
		m.Items = append(m.Items, ct)
		m.ItemClass[ct], m.Spec[ct], m.what[ct], m.class[ct] = ic.Class, ic.Spec, ic.What, ic.Class
		for _, n := range top {
			if n.Content == "container" {
				if err := nest(&m.Nested, ic.Class, n, ic.Type, []string{ic.Class}); err != nil {
					return nil, err
				}
			}
		}
	}

	// Fields: the items and their containers first (parents before
	// children, as commandFields sets a container's versions from its
	// field), then the shared parts, whose versions are their rows'.
	fields := func(ct *CommandType) error {
		if err := t.commandFields(ct, typeOf, enumByTag); err != nil {
			return err
		}
		classFieldFixes(ct)
		return nil
	}
	for _, ct := range m.Items {
		if err := fields(ct); err != nil {
			return nil, err
		}
		ct.Any = true // the shared parts the class does not name, kept
	}
	for _, ct := range m.Nested {
		if err := fields(ct); err != nil {
			return nil, err
		}
	}
	for _, ct := range sharedRoots {
		ct.Since, ct.Until = nodeVersions(ct.Node)
	}
	for _, ct := range m.Shared {
		if err := fields(ct); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// nestedName names the type of container name under the type parent: the
// parent's name and the element's, or, for a list (Attendees holding
// Attendee), the parent's name less its plural s.
func nestedName(parent, name string) string {
	if strings.HasSuffix(parent, name+"s") {
		return strings.TrimSuffix(parent, "s")
	}
	return parent + name
}

// sameRows reports whether rows a and b describe the same element: tag,
// content, bounds, values, versions and children alike.
func sameRows(a, b *SchemaNode) bool {
	if a.Tag != b.Tag || a.Content != b.Content || a.Min != b.Min || a.Max != b.Max ||
		strings.Join(a.Values, ",") != strings.Join(b.Values, ",") || a.HasRange != b.HasRange || a.Lo != b.Lo || a.Hi != b.Hi ||
		a.Since != b.Since || a.Until != b.Until || len(a.Children) != len(b.Children) {
		return false
	}
	for i := range a.Children {
		if !sameRows(a.Children[i], b.Children[i]) {
			return false
		}
	}
	return true
}

// shareRows makes the containers of row a (a copy of the shared row b)
// use b's types.
func shareRows(a, b *SchemaNode, typeOf map[*SchemaNode]*CommandType) {
	typeOf[a] = typeOf[b]
	for i := range a.Children {
		if a.Children[i].Content == "container" {
			shareRows(a.Children[i], b.Children[i], typeOf)
		}
	}
}

// classFieldFixes adapts the command rules to items after commandFields:
// a shared part keeps its plain name when a class element of the same
// name (Email:Body of 2.5, Calendar:Location up to 14.1) makes
// commandFields prefix both, and a Status is a number of the class (a
// flag's state, a body part's or picture's result), not a command status.
func classFieldFixes(ct *CommandType) {
	taken := map[string]bool{}
	for _, f := range ct.Fields {
		taken[f.Name] = true
	}
	for _, f := range ct.Fields {
		n := f.Node()
		if n.Page.Name == "AirSyncBase" && f.Name == "AirSyncBase"+n.Tag.Name && !taken[n.Tag.Name] {
			f.Name = n.Tag.Name
			taken[f.Name] = true
		}
		if f.Elem == "eas.Status" {
			f.Elem = "uint8"
			f.GoType = strings.Replace(f.GoType, "eas.Status", "uint8", 1)
		}
	}
}

// writeClasses renders the class model as eas/commands/classes_gen.go.
func (t *Tables) writeClasses(b *bytes.Buffer) {
	m, err := t.ClassTypes()
	if err != nil {
		// Files reports it (it checks ClassTypes first).
		fmt.Fprintf(b, "package commands\n\n// error: %v\n", err)
		return
	}
	var body bytes.Buffer
	all := append(append(append([]*CommandType(nil), m.Items...), m.Nested...), m.Shared...)
	usesTime := false
	for _, ct := range all {
		writeComment(&body, "", m.typeDoc(ct))
		fmt.Fprintf(&body, "type %s struct {\n", ct.Name)
		sep := false
		if ct.Any {
			writeComment(&body, "\t", "Any keeps the children no field names, as trees, in their order (Marshal writes them before the named fields): the shared parts of other classes, which the union of an ApplicationData allows too.")
			body.WriteString("\tAny []*eas.Element `eas:\",any\"`\n")
			sep = true
		}
		for _, f := range ct.Fields {
			if sep {
				body.WriteString("\n")
			}
			sep = true
			writeComment(&body, "\t", fieldDoc(ct, f))
			tag := f.Tag
			if len(f.Opts) > 0 {
				tag += "," + strings.Join(f.Opts, ",")
			}
			usesTime = usesTime || f.Elem == "time.Time"
			fmt.Fprintf(&body, "\t%s %s `eas:%s`\n", f.Name, f.GoType, strconv.Quote(tag))
		}
		body.WriteString("}\n\n")
	}
	b.WriteString("package commands\n\nimport (\n")
	if usesTime {
		b.WriteString("\t\"time\"\n\n")
	}
	b.WriteString("\t\"github.com/easkit/easkit/eas\"\n)\n\n")
	fmt.Fprintf(b, "// %d item types, %d types of their containers and %d of the parts they share, from gen/spec/asclass-schema.tsv.\n\n", len(m.Items), len(m.Nested), len(m.Shared))
	b.Write(body.Bytes())
}

// typeDoc is the doc comment of an item, container or shared-part type.
func (m *ClassModel) typeDoc(ct *CommandType) string {
	var b strings.Builder
	if class, ok := m.ItemClass[ct]; ok {
		where := "a Sync ApplicationData or the Properties of an ItemOperations Fetch or a Search result"
		switch class {
		case "DocumentLibrary":
			where = "the Properties of an ItemOperations Fetch or a Search result"
		case "GAL":
			where = "the Properties of a Search result"
		}
		fmt.Fprintf(&b, "%s is %s, the %s class (%s): the children of %s, in %s. Item reads one from those children, SetItem writes it as them.", ct.Name, m.what[ct], class, m.Spec[ct], where, versionText(ct.Since, ct.Until))
		return b.String()
	}
	n := ct.Node
	if m.class[ct] == "AirSyncBase" || m.class[ct] == "RightsManagement" {
		where := ""
		if strings.Contains(ct.Path, "/") {
			where = " (at " + ct.Path + ")"
		}
		fmt.Fprintf(&b, "%s is the %s:%s element, a part the item types share%s, in %s.", ct.Name, n.Page.Name, n.Tag.Name, where, versionText(ct.Since, ct.Until))
	} else {
		fmt.Fprintf(&b, "%s is the %s:%s element of a %s item, at %s; %s.", ct.Name, n.Page.Name, n.Tag.Name, m.class[ct], ct.Path, versionText(ct.Since, ct.Until))
	}
	if s := sentence(note(n)); s != "" {
		b.WriteString(" " + s)
	}
	return b.String()
}
