package codegen

import (
	"fmt"
	"go/token"
	"strings"
)

// ItemsFile is the table of the item classes, relative to the repository
// root.
const ItemsFile = "gen/spec/asclass-items.tsv"

// An itemClass is a class of asclass-schema.tsv that is an item, a row of
// asclass-items.tsv: the type it gets, the spec that defines it, what an
// item is, and the top-level shared parts (AirSyncBase and
// RightsManagement rows) its items carry. The class table puts every
// shared part in every union and says nothing per class, so the shared
// parts come from each class spec's list of top-level elements.
type itemClass struct {
	Class, Type, Spec, What string
	Shared                  []string // "Page:Name" of shared top-level rows
	Line                    int      // the row's line in ItemsFile
}

// at says where the row is, file and line, for an error.
func (ic *itemClass) at() string { return fmt.Sprintf("%s:%d", ItemsFile, ic.Line) }

// sharedClasses are the classes whose rows are parts of items, not items.
var sharedClasses = []string{"AirSyncBase", "RightsManagement"}

// ParseItems parses asclass-items.tsv into t.items, in table order (the
// order of the generated item types), checked against the class table,
// which ParseClasses must have read: each row names a class of it that is
// not a shared one, once; a type name that is an exported Go identifier,
// once; and shared parts that are top-level rows of the shared classes.
func (t *Tables) ParseItems(data []byte) error {
	if t.classes == nil {
		return fmt.Errorf("%s: read before the class table (%s)", ItemsFile, ClassFile)
	}
	rows, err := readTSV(ItemsFile, data, "class", "type", "spec", "what", "shared")
	if err != nil {
		return err
	}
	shared := map[string]bool{}
	for _, c := range sharedClasses {
		for _, n := range t.classes[c] {
			shared[n.Page.Name+":"+n.Tag.Name] = true
		}
	}
	t.items = nil
	classAt, typeAt := map[string]int{}, map[string]int{}
	for _, r := range rows {
		f := r.fields
		ic := itemClass{Class: f["class"], Type: f["type"], Spec: f["spec"], What: f["what"], Line: r.line}
		at := ic.at()
		switch {
		case t.classes[ic.Class] == nil:
			return fmt.Errorf("%s: no class %q in %s", at, ic.Class, ClassFile)
		case contains(sharedClasses, ic.Class):
			return fmt.Errorf("%s: %s is a class of shared parts, not of items", at, ic.Class)
		case classAt[ic.Class] != 0:
			return fmt.Errorf("%s: class %s again (line %d)", at, ic.Class, classAt[ic.Class])
		case !token.IsIdentifier(ic.Type) || !token.IsExported(ic.Type):
			return fmt.Errorf("%s: type %q is not an exported Go name", at, ic.Type)
		case typeAt[ic.Type] != 0:
			return fmt.Errorf("%s: type %s again (line %d)", at, ic.Type, typeAt[ic.Type])
		case ic.Spec == "-" || ic.What == "-":
			return fmt.Errorf("%s: the spec and what columns need text", at)
		}
		classAt[ic.Class], typeAt[ic.Type] = r.line, r.line
		if s := f["shared"]; s != "-" {
			ic.Shared = splitList(s)
		}
		for i, tg := range ic.Shared {
			if !shared[tg] {
				return fmt.Errorf("%s: %s is no top-level row of the shared classes (%s) of %s", at, tg, strings.Join(sharedClasses, ", "), ClassFile)
			}
			if contains(ic.Shared[:i], tg) {
				return fmt.Errorf("%s: %s twice", at, tg)
			}
		}
		t.items = append(t.items, ic)
	}
	if len(t.items) == 0 {
		return fmt.Errorf("%s: no item class", ItemsFile)
	}
	return nil
}
