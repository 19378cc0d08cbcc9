package codegen

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/easkit/easkit/version"
)

// CommandsOut is the file of the generated command types, relative to the
// repository root.
const CommandsOut = "eas/commands/commands_gen.go"

// A CommandType is a generated struct type: a message (its root) or a
// container or `any` element of one.
type CommandType struct {
	Name    string // SyncRequest, SyncResponseCollection
	Message *SchemaMessage
	Node    *SchemaNode
	Path    string // local names from the root, "Sync/Collections/Collection"
	Fields  []*CommandField
	// Any is set when the type keeps unlisted children in a field Any:
	// for `any` content and for containers the table lists no children of.
	Any bool
	// Text is set for a mixed element (text or elements): the type keeps
	// the element's own text in a field Text (the chardata option).
	Text bool
	// Names is set for a "propnames" element (Sync Supported): the type
	// keeps the tags of its empty children, each naming a property, in a
	// field Names (the names option), after Any.
	Names        bool
	Since, Until version.Version // protocol versions, 0: open
}

// A CommandField is one field of a CommandType: the element of one row,
// or of several rows with the same tag (branches of a choice of
// sequences, as in GetItemEstimate Collection).
type CommandField struct {
	Name     string // Go field name
	Nodes    []*SchemaNode
	Tag      string // "AirSync:SyncKey"
	GoType   string // as written in the struct
	Elem     string // the element type: GoType without [] or *
	Opts     []string
	Repeated bool // a slice
	Pointer  bool // *T: nil is absent
	Required bool
	Type     *CommandType // container and any content
	Enum     *CommandEnum
	Kind     string // the content column, merged rows agree
	Since    version.Version
	Until    version.Version
}

// Node returns the field's first row.
func (f *CommandField) Node() *SchemaNode { return f.Nodes[0] }

// CommandEnum is a named type with constants (commands_enums.go).
type CommandEnum struct {
	Name       string
	Underlying string
	Tags       []string // "Page:Name" of the elements that have this type
	Doc        string
	Consts     []EnumConst
}

// EnumConst is one constant of a CommandEnum.
type EnumConst struct{ Name, Value, Doc string }

// CommandModel is what commands_gen.go is written from.
type CommandModel struct {
	Types []*CommandType // in message order, each message's root first
	Enums []*CommandEnum
}

// CommandTypes returns the command types of the schema, or an error when two
// get the same name or a row has no Go type.
func (t *Tables) CommandTypes() (*CommandModel, error) {
	s := t.Schema
	if s == nil {
		return nil, fmt.Errorf("no schema loaded")
	}
	enumByTag := map[string]*CommandEnum{}
	for _, e := range commandEnums {
		for _, tg := range e.Tags {
			enumByTag[tg] = e
		}
	}
	m := &CommandModel{Enums: commandEnums}
	names := map[string]string{}
	for _, e := range commandEnums {
		names[e.Name] = "enum"
		for _, c := range e.Consts {
			names[c.Name] = "constant of " + e.Name
		}
	}
	for _, hand := range []string{"Ptr", "CompactTime", "EmptyOrUint"} {
		names[hand] = "commands.go"
	}
	for _, msg := range s.Messages {
		dir := "Request"
		if msg.Response {
			dir = "Response"
		}
		base := msg.Command + dir
		// The containers of the message (with their paths) get types
		// named by the shortest path suffix unique in the message.
		type item struct {
			n     *SchemaNode
			steps []string
		}
		var items []item
		var walk func(n *SchemaNode, steps []string)
		walk = func(n *SchemaNode, steps []string) {
			steps = append(append([]string(nil), steps...), n.Tag.Name)
			if n.Content == "container" || OpenContent(n.Content) {
				items = append(items, item{n, steps})
			}
			for _, c := range n.Children {
				walk(c, steps)
			}
		}
		walk(msg.Root, nil)
		typeOf := map[*SchemaNode]*CommandType{}
		for i, it := range items {
			ct := &CommandType{Message: msg, Node: it.n, Path: strings.Join(it.steps, "/")}
			if i == 0 {
				ct.Name = base
			} else {
				for k := 1; k <= len(it.steps)-1; k++ {
					suffix := strings.Join(it.steps[len(it.steps)-k:], "")
					unique := true
					for j, o := range items {
						if j == 0 || j == i || len(o.steps) < k+1 {
							continue
						}
						if strings.Join(o.steps[len(o.steps)-k:], "") == suffix {
							unique = false
							break
						}
					}
					if unique || k == len(it.steps)-1 {
						ct.Name = base + suffix
						break
					}
				}
			}
			if other, dup := names[ct.Name]; dup {
				return nil, fmt.Errorf("%s: type name %s of %s %s is also %s", rowAt(it.n), ct.Name, msg.Name, ct.Path, other)
			}
			names[ct.Name] = msg.Name + " " + ct.Path
			typeOf[it.n] = ct
			m.Types = append(m.Types, ct)
		}
		// Versions: the root's, then each child's within its parent's.
		rs, ru := nodeVersions(msg.Root)
		typeOf[msg.Root].Since, typeOf[msg.Root].Until = rs, ru
		for _, it := range items {
			ct := typeOf[it.n]
			if err := t.commandFields(ct, typeOf, enumByTag); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

// nodeVersions returns the versions of row n: its since/until within its
// tag's (the code page facts).
func nodeVersions(n *SchemaNode) (since, until version.Version) {
	tg := n.Tag
	since, until = tg.Since, tg.Until
	if tg.AlsoFrom != 0 && (since == 0 || tg.AlsoFrom < since) {
		since = tg.AlsoFrom
	}
	if tg.AlsoTo != 0 && until != 0 && tg.AlsoTo > until {
		until = tg.AlsoTo
	}
	return intersect(since, until, n.Since, n.Until)
}

func intersect(s1, u1, s2, u2 version.Version) (version.Version, version.Version) {
	s, u := max(s1, s2), u1
	if u == 0 || (u2 != 0 && u2 < u) {
		u = u2
	}
	return s, u
}

// commandFields fills in the fields of ct.
func (t *Tables) commandFields(ct *CommandType, typeOf map[*SchemaNode]*CommandType, enumByTag map[string]*CommandEnum) error {
	n := ct.Node
	if len(n.Children) == 0 || OpenContent(n.Content) {
		ct.Any = true
	}
	ct.Text = n.Content == "mixed"
	ct.Names = n.Content == "propnames"

	byTag := map[string]*CommandField{}
	for _, c := range n.Children {
		tag := c.Page.Name + ":" + c.Tag.Name
		if f := byTag[tag]; f != nil {
			if f.Kind != c.Content || c.Content == "container" || OpenContent(c.Content) {
				return fmt.Errorf("%s: %s occurs twice under %s with different content", rowAt(c), tag, ct.Path)
			}
			f.Nodes = append(f.Nodes, c)
			continue
		}
		f := &CommandField{Name: c.Tag.Name, Nodes: []*SchemaNode{c}, Tag: tag, Kind: c.Content}
		byTag[tag] = f
		ct.Fields = append(ct.Fields, f)
	}
	// Two tags with one local name (pages differ): prefix the page.
	seen := map[string]int{}
	for _, f := range ct.Fields {
		seen[f.Name]++
	}
	for _, f := range ct.Fields {
		if seen[f.Name] > 1 || f.Name == "Any" || f.Name == "XMLName" || f.Name == "Text" && ct.Text {
			f.Name = f.Node().Page.Name + f.Name
		}
	}
	for _, f := range ct.Fields {
		if err := t.commandField(ct, f, typeOf, enumByTag); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tables) commandField(ct *CommandType, f *CommandField, typeOf map[*SchemaNode]*CommandType, enumByTag map[string]*CommandEnum) error {
	inChoice, minOcc, maxOcc := false, 0, 0
	first := true
	for _, c := range f.Nodes {
		if c.Group != 0 {
			inChoice = true
		}
		s, u := nodeVersions(c)
		s, u = intersect(ct.Since, ct.Until, s, u)
		if first {
			minOcc, maxOcc, f.Since, f.Until = c.Min, c.Max, s, u
			first = false
			continue
		}
		minOcc = min(minOcc, c.Min)
		if maxOcc != -1 && (c.Max == -1 || c.Max > maxOcc) {
			maxOcc = c.Max
		}
		f.Since = min(f.Since, s)
		if f.Until != 0 && (u == 0 || u > f.Until) {
			f.Until = u
		}
	}
	f.Repeated = maxOcc != 1
	// Required: in every version of the parent, too, since a required
	// container is a value that Marshal always writes.
	f.Required = minOcc >= 1 && !inChoice && f.Since == ct.Since && f.Until == ct.Until
	at := rowAt(f.Node())
	f.Enum = enumByTag[f.Tag]
	var elem string
	numeric := false
	switch f.Kind {
	case "container", "any", "appdata", "propnames", "mixed":
		sub := typeOf[f.Node()]
		sub.Since, sub.Until = f.Since, f.Until
		f.Type = sub
		elem = sub.Name
	case "empty":
		elem = "bool"
		f.Opts = append(f.Opts, "empty")
	case "text":
		elem = "string"
	case "integer", "unsignedByte", "unsignedShort", "unsignedInt":
		elem = map[string]string{"integer": "int", "unsignedByte": "uint8", "unsignedShort": "uint16", "unsignedInt": "uint32"}[f.Kind]
		if f.Node().Tag.Name == "Status" {
			elem = "eas.Status"
		}
		numeric = true
	case "boolean01":
		elem, numeric = "bool", true
	case "datetime":
		elem = "time.Time"
	case "compactdatetime":
		elem = "CompactTime"
	case "base64":
		elem = "[]byte"
		f.Opts = append(f.Opts, "base64")
	case "opaque":
		elem = "[]byte"
		f.Opts = append(f.Opts, "opaque")
	case "unsignedByteOrEmpty", "unsignedIntOrEmpty":
		elem, numeric = "EmptyOrUint", true
	default:
		return fmt.Errorf("%s: no Go type for content %q", at, f.Kind)
	}
	if e := f.Enum; e != nil {
		isText := e.Underlying == "string"
		if isText != (f.Kind == "text") || (!isText && !numeric) {
			return fmt.Errorf("%s: %s has content %s, enum %s is %s", at, f.Tag, f.Kind, e.Name, e.Underlying)
		}
		elem = e.Name
	}
	f.Elem = elem
	switch {
	case f.Repeated:
		if elem == "uint8" {
			return fmt.Errorf("%s: a repeated unsignedByte would be []uint8, which is bytes", at)
		}
		f.GoType = "[]" + elem
	case f.Required:
		f.GoType = elem
	case f.Type != nil || numeric:
		f.GoType, f.Pointer = "*"+elem, true
	default:
		f.GoType = elem
		if f.Kind != "empty" {
			f.Opts = append(f.Opts, "omitempty")
		}
	}
	if f.Required {
		f.Opts = append(f.Opts, "required")
	}
	return nil
}

// writeCommands renders the model as eas/commands/commands_gen.go.
func (t *Tables) writeCommands(b *bytes.Buffer) {
	m, err := t.CommandTypes()
	if err != nil {
		// Files reports it (Generate checks CommandTypes first).
		fmt.Fprintf(b, "package commands\n\n// error: %v\n", err)
		return
	}
	nconst := 0
	for _, e := range m.Enums {
		nconst += len(e.Consts)
	}
	b.WriteString("package commands\n\n")
	b.WriteString("import (\n\t\"time\"\n\n\t\"github.com/easkit/easkit/codepages\"\n\t\"github.com/easkit/easkit/eas\"\n)\n\n")
	fmt.Fprintf(b, "// %d types for the %d messages of gen/spec/ascmd-schema.tsv, %d enumerations with %d constants.\n\n", len(m.Types), len(t.Schema.Messages), len(m.Enums), nconst)
	for _, e := range m.Enums {
		writeComment(b, "", e.Doc)
		fmt.Fprintf(b, "type %s %s\n\n", e.Name, e.Underlying)
		fmt.Fprintf(b, "// Values of %s.\nconst (\n", e.Name)
		for _, c := range e.Consts {
			fmt.Fprintf(b, "\t%s %s = %s // %s\n", c.Name, e.Name, c.Value, c.Doc)
		}
		b.WriteString(")\n\n")
	}
	for _, ct := range m.Types {
		writeComment(b, "", typeDoc(ct))
		fmt.Fprintf(b, "type %s struct {\n", ct.Name)
		sep := false // a field has been written: a blank line before the next
		if ct.Node == ct.Message.Root {
			fmt.Fprintf(b, "\tXMLName eas.Name `eas:\"%s:%s\"`\n", ct.Node.Page.Name, ct.Node.Tag.Name)
			sep = true
		}
		if ct.Text {
			if sep {
				b.WriteString("\n")
			}
			writeComment(b, "\t", textFieldDoc(ct))
			b.WriteString("\tText string `eas:\",chardata\"`\n")
			sep = true
		}
		if ct.Any {
			// First: in open content the class properties the table does
			// not list come before those it does (ItemOperations
			// Properties: ContentType, then Range, Total, Data).
			if sep {
				b.WriteString("\n")
			}
			sep = true
			if ct.Node.Ref != nil {
				writeComment(b, "\t", "Any keeps the children, as trees, in their order: they are those of "+ct.Node.Ref.Tag.Name+" (the schema is recursive here), which eas.Validate checks.")
			} else if ct.Node.Content == "mixed" {
				writeComment(b, "\t", "Any keeps the children no field names, as trees, in their order (Marshal writes them after Text, before the named fields).")
			} else if ct.Node.Content == "appdata" {
				writeComment(b, "\t", "Any keeps the children no field names, as trees, in their order (Marshal writes them before the named fields): the item-class properties of gen/spec/asclass-schema.tsv, which eas.Validate checks.")
			} else if ct.Node.Content == "any" {
				writeComment(b, "\t", "Any keeps the children no field names, as trees, in their order (Marshal writes them before the named fields): the table leaves this element's content open.")
			} else if ct.Node.Content == "propnames" {
				writeComment(b, "\t", "Any keeps the children that are not empty elements, as trees, in their order (Marshal writes them before Names); eas.Unmarshal with eas.WithStrict(true) refuses them, and eas.Validate reports them.")
			} else {
				writeComment(b, "\t", "Any keeps the children, as trees: the table lists none for this element yet.")
			}
			b.WriteString("\tAny []*eas.Element `eas:\",any\"`\n")
		}
		if ct.Names {
			if sep {
				b.WriteString("\n")
			}
			sep = true
			writeComment(b, "\t", "Names holds the tags of the properties named, in their order, each written as an empty element: item-class properties of gen/spec/asclass-schema.tsv, which eas.Validate checks.")
			b.WriteString("\tNames []codepages.Tag `eas:\",names\"`\n")
		}
		for _, f := range ct.Fields {
			if sep {
				b.WriteString("\n")
			}
			sep = true
			writeComment(b, "\t", fieldDoc(ct, f))
			tag := f.Tag
			if len(f.Opts) > 0 {
				tag += "," + strings.Join(f.Opts, ",")
			}
			fmt.Fprintf(b, "\t%s %s `eas:%s`\n", f.Name, f.GoType, strconv.Quote(tag))
		}
		b.WriteString("}\n\n")
	}
	// The message types by name, for lookups by root.
	b.WriteString("// messages lists the message types: table name, root, direction and a\n// constructor.\n")
	b.WriteString("var messages = [...]message{\n")
	for _, ct := range m.Types {
		if ct.Node == ct.Message.Root {
			fmt.Fprintf(b, "\t{%q, codepages.%s, %v, func() any { return new(%s) }},\n", ct.Message.Name, Ident(ct.Node.Page, ct.Node.Tag), ct.Message.Response, ct.Name)
		}
	}
	b.WriteString("}\n")
	b.WriteString("\n")
	if err := writeFast(b, m); err != nil {
		fmt.Fprintf(b, "// error: %v\n", err)
	}
}

// writeComment writes text as a // comment wrapped near 80 columns.
func writeComment(b *bytes.Buffer, indent, text string) {
	width := 76 - len(indent)*4
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			fmt.Fprintf(b, "%s// %s\n", indent, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		fmt.Fprintf(b, "%s// %s\n", indent, line)
	}
}

// versionText says in which protocol versions since..until lies.
func versionText(since, until version.Version) string {
	switch {
	case since == 0 && until == 0:
		return "every protocol version"
	case until == 0:
		return "protocol " + since.String() + " and later"
	case since == 0:
		return "protocol versions up to " + until.String()
	case since == until:
		return "protocol " + since.String() + " only"
	}
	return "protocol " + since.String() + " to " + until.String()
}

// note returns the table's note of n without the structural remarks the
// Go type already shows, or "".
func note(n *SchemaNode) string {
	s := n.note
	if s == "-" {
		return ""
	}
	s = strings.TrimPrefix(s, "root")
	s = strings.TrimLeft(s, ";, ")
	return s
}

func sentence(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func typeDoc(ct *CommandType) string {
	msg := ct.Message
	var b strings.Builder
	if ct.Node == msg.Root {
		fmt.Fprintf(&b, "%s is the body of a %s ([MS-ASCMD] %s), the %s:%s element, in %s.", ct.Name, msg.Name, msg.Command, ct.Node.Page.Name, ct.Node.Tag.Name, versionText(ct.Since, ct.Until))
	} else {
		fmt.Fprintf(&b, "%s is the %s:%s element of a %s, at %s; %s.", ct.Name, ct.Node.Page.Name, ct.Node.Tag.Name, msg.Name, ct.Path, versionText(ct.Since, ct.Until))
	}
	if s := sentence(note(ct.Node)); s != "" {
		b.WriteString(" " + s)
	}
	if ct.Node.Content == "any" {
		b.WriteString(" Its content is open in the schema table: children without a field are kept in Any.")
	} else if ct.Node.Content == "mixed" {
		b.WriteString(" Its content is text or elements (an XSD mixed type): Text keeps the text, the other fields the elements.")
	} else if ct.Node.Content == "propnames" {
		b.WriteString(" Its children name properties of the item classes " + strings.ReplaceAll(ct.Node.classKey(), ",", ", ") + " (gen/spec/asclass-schema.tsv), each as an empty element: Names holds their tags.")
	} else if ct.Node.Content == "appdata" {
		b.WriteString(" Its content is the union of the item classes " + strings.ReplaceAll(ct.Node.classKey(), ",", ", ") + " (gen/spec/asclass-schema.tsv): children without a field are kept in Any.")
	}
	return b.String()
}

// mixedText says what the text form of a mixed element is, by tag.
var mixedText = map[string]string{
	"Search:Query": "the GAL query string (the Store Name is GAL)",
}

// textFieldDoc is the doc comment of the Text field of a mixed type.
func textFieldDoc(ct *CommandType) string {
	what := ""
	if s := mixedText[ct.Node.Page.Name+":"+ct.Node.Tag.Name]; s != "" {
		what = ": " + s
	}
	return "Text is the element's own text, its text form" + what + ". It is empty when the element holds elements; Marshal writes it before the children, and nothing when it is empty."
}

func fieldDoc(ct *CommandType, f *CommandField) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is the %s element", f.Name, f.Tag)
	var facts []string
	switch {
	case f.Required && f.Repeated:
		facts = append(facts, "required, one or more")
	case f.Required:
		facts = append(facts, "required")
	case f.Repeated:
		facts = append(facts, occurrences(f))
	case f.Pointer:
		facts = append(facts, "optional, nil when absent")
	case f.Kind == "empty":
		facts = append(facts, "a flag: true writes the empty element")
	default:
		facts = append(facts, "optional, absent when zero")
	}
	if len(facts) > 0 {
		b.WriteString(" (" + strings.Join(facts, "; ") + ")")
	}
	var notes []string
	for _, n := range f.Nodes {
		if s := note(n); s != "" && !contains(notes, s) {
			notes = append(notes, s)
		}
	}
	if len(notes) > 0 {
		b.WriteString(": " + strings.Join(notes, "; "))
	}
	b.WriteString(".")
	if f.Node().Tag.Name == "Status" && f.Elem == "eas.Status" {
		fmt.Fprintf(&b, " See eas.StatusText(%q, code).", statusCommand(ct, f))
	}
	if vals := valuesText(f); vals != "" {
		b.WriteString(" " + vals)
	}
	if f.Since != ct.Since || f.Until != ct.Until {
		b.WriteString(" In " + versionText(f.Since, f.Until) + ".")
	}
	if g := choiceText(ct, f); g != "" {
		b.WriteString(" " + g)
	}
	return b.String()
}

func occurrences(f *CommandField) string {
	n := f.Node()
	lo := n.Min
	for _, m := range f.Nodes {
		lo = min(lo, m.Min)
	}
	if n.Max == -1 {
		return fmt.Sprintf("%d or more", lo)
	}
	return fmt.Sprintf("%d to %d", lo, n.Max)
}

// statusCommand is the command whose status table a Status field uses.
func statusCommand(ct *CommandType, f *CommandField) string {
	if ct.Message.Command == "Provision" && strings.HasSuffix(ct.Path, "/Policy") {
		return "ProvisionPolicy"
	}
	return ct.Message.Command
}

func valuesText(f *CommandField) string {
	n := f.Node()
	switch {
	case f.Enum != nil && len(n.Values) == 0 && !n.HasRange:
		return ""
	case n.HasRange:
		return fmt.Sprintf("Values %d to %d.", n.Lo, n.Hi)
	case len(n.Values) == 1:
		return "Only the value " + n.Values[0] + "."
	case len(n.Values) > 0 && (f.Enum == nil || len(n.Values) < len(f.Enum.Consts)) && f.Kind != "boolean01":
		return "Values " + strings.Join(n.Values, ", ") + "."
	}
	return ""
}

func choiceText(ct *CommandType, f *CommandField) string {
	n := f.Node()
	if n.Group == 0 {
		return ""
	}
	var others []string
	for _, o := range ct.Fields {
		if o != f && o.Node().Group == n.Group {
			others = append(others, o.Name)
		}
	}
	sort.Strings(others)
	switch {
	case len(f.Nodes) > 1 || n.Branch != 0:
		var br []string
		for _, m := range f.Nodes {
			br = append(br, strconv.Itoa(m.Branch))
		}
		return "In form " + strings.Join(br, " and ") + " of the element's choice of child sequences."
	case n.Repeated:
		return "Member of a repeated choice (any order, mixed) with " + strings.Join(others, ", ") + "."
	case len(others) > 0:
		return "One of a choice: at most one of " + f.Name + ", " + strings.Join(others, ", ") + " is present."
	}
	return ""
}
