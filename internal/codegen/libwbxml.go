package codegen

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// parseLibwbxml reads the names libwbxml 0.11 writes (LibwbxmlFile) into
// the tags' Libwbxml fields. Each row must name an existing (page, token)
// with its current name, and a libwbxml name that is one of the tag's
// aliases, so that what -names libwbxml writes reads back.
func (t *Tables) parseLibwbxml(data []byte) error {
	rows, err := readTSV(LibwbxmlFile, data, "page", "namespace", "token", "tag", "libwbxml")
	if err != nil {
		return err
	}
	for _, r := range rows {
		at := fmt.Sprintf("%s:%d", LibwbxmlFile, r.line)
		f := r.fields
		p, err := t.page(at, f)
		if err != nil {
			return err
		}
		tok, err := strconv.ParseUint(strings.TrimPrefix(f["token"], "0x"), 16, 8)
		if err != nil || !strings.HasPrefix(f["token"], "0x") {
			return fmt.Errorf("%s: bad token %q (want 0xNN)", at, f["token"])
		}
		i := slices.IndexFunc(p.Tags, func(x *Tag) bool { return x.Token == uint8(tok) })
		if i < 0 {
			return fmt.Errorf("%s: no token %#02x on page %s", at, tok, p.Name)
		}
		tag := p.Tags[i]
		switch name := f["libwbxml"]; {
		case f["tag"] != tag.Name:
			return fmt.Errorf("%s: tag %q, but %s %#02x is %s", at, f["tag"], p.Name, tok, tag.Name)
		case tag.Libwbxml != "":
			return fmt.Errorf("%s: %s %s listed twice", at, p.Name, tag.Name)
		case !slices.Contains(tag.Aliases, name):
			return fmt.Errorf("%s: libwbxml name %q is not an alias of %s %s (add it to %s)", at, name, p.Name, tag.Name, CodePagesFile)
		default:
			tag.Libwbxml = name
		}
	}
	return nil
}

// writeLibwbxmlNames writes the function that returns libwbxml's name of
// a tag.
func (t *Tables) writeLibwbxmlNames(b *bytes.Buffer) {
	b.WriteString("// libwbxmlName returns the name libwbxml 0.11 writes for t, or \"\" when it\n")
	b.WriteString("// writes t.Name() (or does not know t).\n")
	b.WriteString("func libwbxmlName(t Tag) string {\n\tswitch t {\n")
	for _, p := range t.Pages {
		for _, tag := range p.Tags {
			if tag.Libwbxml != "" {
				fmt.Fprintf(b, "\tcase %s:\n\t\treturn %q\n", Ident(p, tag), tag.Libwbxml)
			}
		}
	}
	b.WriteString("\t}\n\treturn \"\"\n}\n")
}
