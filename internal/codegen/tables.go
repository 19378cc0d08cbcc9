package codegen

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/easkit/easkit/version"
)

// Spec table file names, relative to the repository root.
const (
	CodePagesFile  = "gen/spec/aswbxml-codepages.tsv"
	NamespacesFile = "gen/spec/aswbxml-namespaces.tsv"
	OpaqueFile     = "gen/spec/aswbxml-opaque.tsv"
	CommandsFile   = "gen/spec/ashttp-commands.tsv"
	ParamsFile     = "gen/spec/ashttp-params.tsv"
	LibwbxmlFile   = "gen/spec/libwbxml-names.tsv"
)

// SpecFiles lists every spec table file, in the order Parse reads them.
var SpecFiles = []string{NamespacesFile, CodePagesFile, OpaqueFile, LibwbxmlFile, CommandsFile, ParamsFile}

// historicPrefix starts the note of every token that is not in the current
// [MS-ASWBXML] tables; such tokens are decoded but never chosen on input
// ahead of a current one.
const historicPrefix = "NOT IN CURRENT SPEC"

// Tables is everything the spec tables say, parsed and checked.
type Tables struct {
	Pages    []*Page
	Commands []Command
	Params   []Param

	// Schema and Statuses are the command tables (LoadSchema); nil
	// when only the code page tables were parsed.
	Schema   *Schema
	Statuses []Status
	enumAt   map[string]int

	// classes holds the top-level rows of asclass-schema.tsv per item
	// class (ParseClasses), classOrder the classes in table order.
	classes    map[string][]*SchemaNode
	classOrder []string
	// items holds the rows of asclass-items.tsv (ParseItems).
	items []itemClass
}

// Page is one ActiveSync code page.
type Page struct {
	Number uint8
	Name   string   // page name, e.g. "AirSync"
	Schema string   // schema-form namespace, e.g. "AirSync"
	Colon  string   // colon-form namespace, e.g. "AirSync:"
	SynCE  string   // libwbxml's -l AIRSYNC namespace, e.g. "http://synce.org/formats/airsync_wm5/airsync"
	Other  []string // further namespace spellings accepted on input
	Tags   []*Tag   // sorted by token
}

// Tag is one (page, token) row.
type Tag struct {
	Page    uint8
	Token   uint8
	Name    string
	Aliases []string
	Since   version.Version // 0 for historic tokens
	Until   version.Version // 0 while current
	// AlsoFrom..AlsoTo (0 when none) are versions in which the token is
	// valid besides Since..Until: under an older name, or per a footnote.
	AlsoFrom, AlsoTo version.Version
	Historic         bool
	Content          string // "", "binary" or "text"
	Libwbxml         string // the name libwbxml 0.11 writes, when it is not Name
	Note             string
}

// Command is one [MS-ASHTTP] command code.
type Command struct {
	Code  uint8
	Name  string
	Since version.Version
}

// Param is one [MS-ASHTTP] base64 query parameter tag.
type Param struct {
	Tag    uint8
	Name   string
	Legacy bool
}

// Load reads and checks the spec tables under root.
func Load(root string) (*Tables, error) {
	read := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(root, name)) }
	files := map[string][]byte{}
	for _, name := range SpecFiles {
		b, err := read(name)
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
	t, err := Parse(files)
	if err != nil {
		return nil, err
	}
	if err := t.LoadSchema(root); err != nil {
		return nil, err
	}
	return t, nil
}

// Parse parses and checks the spec tables given by file name (the *File
// constants). It fails on a row it cannot parse, on a duplicate (page,
// token) or (page, name) — aliases included — and on facts that contradict
// each other.
func Parse(files map[string][]byte) (*Tables, error) {
	t := &Tables{}
	if err := t.parseNamespaces(files[NamespacesFile]); err != nil {
		return nil, err
	}
	if err := t.parseCodePages(files[CodePagesFile]); err != nil {
		return nil, err
	}
	if err := t.parseOpaque(files[OpaqueFile]); err != nil {
		return nil, err
	}
	if err := t.parseLibwbxml(files[LibwbxmlFile]); err != nil {
		return nil, err
	}
	if err := t.parseCommands(files[CommandsFile]); err != nil {
		return nil, err
	}
	if err := t.parseParams(files[ParamsFile]); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *Tables) parseNamespaces(data []byte) error {
	rows, err := readTSV(NamespacesFile, data, "page", "name", "schema", "colon", "other", "synce")
	if err != nil {
		return err
	}
	seen := map[string]string{}
	for _, r := range rows {
		at := fmt.Sprintf("%s:%d", NamespacesFile, r.line)
		n, err := strconv.ParseUint(r.fields["page"], 10, 8)
		if err != nil {
			return fmt.Errorf("%s: bad page number %q", at, r.fields["page"])
		}
		if int(n) != len(t.Pages) {
			return fmt.Errorf("%s: page %d out of order, want page %d", at, n, len(t.Pages))
		}
		p := &Page{Number: uint8(n), Name: r.fields["name"], Schema: r.fields["schema"], Colon: r.fields["colon"], Other: splitList(r.fields["other"]), SynCE: r.fields["synce"]}
		if !isIdent(p.Name) {
			return fmt.Errorf("%s: page name %q is not an identifier", at, p.Name)
		}
		if p.Schema == "" || p.Colon == "" || p.SynCE == "" {
			return fmt.Errorf("%s: page %d needs a schema, a colon and a SynCE namespace", at, n)
		}
		for _, ns := range append([]string{p.Schema, p.Colon, p.SynCE}, p.Other...) {
			if prev, dup := seen[ns]; dup {
				return fmt.Errorf("%s: namespace %q already belongs to page %s", at, ns, prev)
			}
			seen[ns] = p.Name
		}
		t.Pages = append(t.Pages, p)
	}
	if len(t.Pages) == 0 {
		return fmt.Errorf("%s: no pages", NamespacesFile)
	}
	return nil
}

func (t *Tables) parseCodePages(data []byte) error {
	rows, err := readTSV(CodePagesFile, data, "page", "namespace", "token", "tag", "since", "until", "aliases", "note")
	if err != nil {
		return err
	}
	byToken := map[[2]uint8]int{}
	byName := map[string]int{} // "page/name" → line
	idents := map[string]int{}
	for _, r := range rows {
		at := fmt.Sprintf("%s:%d", CodePagesFile, r.line)
		f := r.fields
		p, err := t.page(at, f)
		if err != nil {
			return err
		}
		n := p.Number
		tok, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimPrefix(f["token"], "0x"), "0X"), 16, 8)
		if err != nil || !strings.HasPrefix(strings.ToLower(f["token"]), "0x") {
			return fmt.Errorf("%s: bad token %q (want 0xNN)", at, f["token"])
		}
		if tok < 0x05 || tok > 0x3F {
			return fmt.Errorf("%s: token %#02x outside the tag range 0x05-0x3F", at, tok)
		}
		tag := &Tag{Page: uint8(n), Token: uint8(tok), Name: f["tag"], Aliases: splitList(f["aliases"]), Note: f["note"]}
		tag.Historic = strings.HasPrefix(tag.Note, historicPrefix)
		key := [2]uint8{tag.Page, tag.Token}
		if prev, dup := byToken[key]; dup {
			return fmt.Errorf("%s: duplicate (page %d, token %#02x), first on line %d", at, n, tok, prev)
		}
		byToken[key] = r.line
		for i, name := range append([]string{tag.Name}, tag.Aliases...) {
			if !isXMLName(name) {
				return fmt.Errorf("%s: %q is not an XML name", at, name)
			}
			k := p.Name + "/" + name
			if prev, dup := byName[k]; dup {
				what := "name"
				if i > 0 {
					what = "alias"
				}
				return fmt.Errorf("%s: duplicate (page %d, %s %q), first on line %d", at, n, what, name, prev)
			}
			byName[k] = r.line
		}
		id := Ident(p, tag)
		if prev, dup := idents[id]; dup {
			return fmt.Errorf("%s: Go name %s already used on line %d", at, id, prev)
		}
		idents[id] = r.line
		if tag.Since, err = parseVersion(f["since"]); err != nil {
			return fmt.Errorf("%s: since: %v", at, err)
		}
		if tag.Until, err = parseVersion(f["until"]); err != nil {
			return fmt.Errorf("%s: until: %v", at, err)
		}
		if tag.AlsoFrom, tag.AlsoTo, err = parseRange(f["also_valid"]); err != nil {
			return fmt.Errorf("%s: also_valid: %v", at, err)
		}
		switch {
		case !tag.Historic && tag.Since == 0:
			return fmt.Errorf("%s: current-spec tag %s has no since version", at, tag.Name)
		case tag.Until != 0 && tag.Since != 0 && tag.Until < tag.Since:
			return fmt.Errorf("%s: until %v before since %v", at, tag.Until, tag.Since)
		}
		p.Tags = append(p.Tags, tag)
	}
	for _, p := range t.Pages {
		sort.Slice(p.Tags, func(i, j int) bool { return p.Tags[i].Token < p.Tags[j].Token })
	}
	return nil
}

func (t *Tables) parseOpaque(data []byte) error {
	rows, err := readTSV(OpaqueFile, data, "page", "namespace", "tag", "opaque", "content")
	if err != nil {
		return err
	}
	for _, r := range rows {
		at := fmt.Sprintf("%s:%d", OpaqueFile, r.line)
		f := r.fields
		p, err := t.page(at, f)
		if err != nil {
			return err
		}
		var tag *Tag
		for _, x := range p.Tags {
			if x.Name == f["tag"] {
				tag = x
			}
		}
		if tag == nil {
			return fmt.Errorf("%s: no tag %s on page %s", at, f["tag"], p.Name)
		}
		if c := f["content"]; c != "binary" && c != "text" {
			return fmt.Errorf("%s: content %q, want binary or text", at, c)
		}
		switch f["opaque"] {
		case "spec":
			if tag.Content != "" {
				return fmt.Errorf("%s: %s %s listed twice", at, p.Name, tag.Name)
			}
			tag.Content = f["content"]
		case "sometimes":
			// A decode-side hint only: the spec says string, so the
			// table default stays text.
		default:
			return fmt.Errorf("%s: opaque %q, want spec or sometimes", at, f["opaque"])
		}
	}
	return nil
}

// page returns the page a row names in its page and namespace columns,
// which must agree.
func (t *Tables) page(at string, f map[string]string) (*Page, error) {
	n, err := strconv.ParseUint(f["page"], 10, 8)
	if err != nil || int(n) >= len(t.Pages) {
		return nil, fmt.Errorf("%s: bad page %q", at, f["page"])
	}
	p := t.Pages[n]
	if f["namespace"] != p.Name {
		return nil, fmt.Errorf("%s: namespace %q does not match page %d (%s)", at, f["namespace"], n, p.Name)
	}
	return p, nil
}

func (t *Tables) parseCommands(data []byte) error {
	rows, err := readTSV(CommandsFile, data, "code", "command", "since")
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, r := range rows {
		at := fmt.Sprintf("%s:%d", CommandsFile, r.line)
		n, err := strconv.ParseUint(r.fields["code"], 10, 8)
		if err != nil {
			return fmt.Errorf("%s: bad code %q", at, r.fields["code"])
		}
		c := Command{Code: uint8(n), Name: r.fields["command"]}
		if !isIdent(c.Name) {
			return fmt.Errorf("%s: command %q is not an identifier", at, c.Name)
		}
		if len(t.Commands) > 0 && c.Code <= t.Commands[len(t.Commands)-1].Code {
			return fmt.Errorf("%s: code %d duplicate or out of order", at, c.Code)
		}
		if seen[c.Name] {
			return fmt.Errorf("%s: duplicate command %s", at, c.Name)
		}
		seen[c.Name] = true
		if c.Since, err = parseVersion(r.fields["since"]); err != nil {
			return fmt.Errorf("%s: since: %v", at, err)
		}
		t.Commands = append(t.Commands, c)
	}
	return nil
}

func (t *Tables) parseParams(data []byte) error {
	rows, err := readTSV(ParamsFile, data, "tag", "name", "legacy")
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, r := range rows {
		at := fmt.Sprintf("%s:%d", ParamsFile, r.line)
		n, err := strconv.ParseUint(r.fields["tag"], 10, 8)
		if err != nil {
			return fmt.Errorf("%s: bad tag %q", at, r.fields["tag"])
		}
		p := Param{Tag: uint8(n), Name: r.fields["name"]}
		switch r.fields["legacy"] {
		case "":
		case "yes":
			p.Legacy = true
		default:
			return fmt.Errorf("%s: legacy %q, want yes or empty", at, r.fields["legacy"])
		}
		if !isIdent(p.Name) {
			return fmt.Errorf("%s: parameter %q is not an identifier", at, p.Name)
		}
		if int(p.Tag) != len(t.Params) {
			return fmt.Errorf("%s: tag %d duplicate or out of order, want %d", at, p.Tag, len(t.Params))
		}
		if seen[p.Name] {
			return fmt.Errorf("%s: duplicate parameter %s", at, p.Name)
		}
		seen[p.Name] = true
		t.Params = append(t.Params, p)
	}
	return nil
}

// parseRange parses "" (no range), a version ("12.0") or a range of
// versions ("12.0-12.1").
func parseRange(s string) (from, to version.Version, err error) {
	a, b, isRange := strings.Cut(s, "-")
	if from, err = parseVersion(a); err != nil {
		return 0, 0, err
	}
	to = from
	if isRange {
		if to, err = parseVersion(b); err != nil {
			return 0, 0, err
		}
		if from == 0 || to < from {
			return 0, 0, fmt.Errorf("bad range %q", s)
		}
	}
	return from, to, nil
}

func parseVersion(s string) (version.Version, error) {
	if s == "" {
		return 0, nil
	}
	v, err := version.Parse(s)
	if err != nil {
		return 0, err
	}
	if !v.IsKnown() {
		return 0, fmt.Errorf("unpublished protocol version %s", s)
	}
	return v, nil
}

// Ident is the Go constant name of a tag: page name then tag name with
// characters that cannot be in an identifier removed (CalendarCompressedRTF).
func Ident(p *Page, t *Tag) string {
	var b strings.Builder
	b.WriteString(p.Name)
	for _, r := range t.Name {
		if r == '_' || r == '-' || r == '.' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// isXMLName reports whether s is an ASCII XML NCName (no colon).
func isXMLName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == '_':
		case (r >= '0' && r <= '9' || r == '-' || r == '.') && i > 0:
		default:
			return false
		}
	}
	return true
}
