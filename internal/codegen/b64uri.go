package codegen

import (
	"bytes"
	"fmt"
)

func (t *Tables) writeB64URI(b *bytes.Buffer) {
	b.WriteString("package b64uri\n\n")
	b.WriteString("import \"github.com/easkit/easkit/version\"\n\n")
	b.WriteString("// Command codes of the base64-encoded request query ([MS-ASHTTP] 2.2.1.1.1.1.2).\n")
	b.WriteString("const (\n")
	for _, c := range t.Commands {
		fmt.Fprintf(b, "\tCmd%s Command = %d\n", c.Name, c.Code)
	}
	b.WriteString(")\n\n")
	n := int(t.Commands[len(t.Commands)-1].Code) + 1
	fmt.Fprintf(b, "var commandNames = [%d]string{\n", n)
	for _, c := range t.Commands {
		fmt.Fprintf(b, "\t%d: %q,\n", c.Code, c.Name)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(b, "var commandSince = [%d]version.Version{\n", n)
	for _, c := range t.Commands {
		if c.Since != 0 {
			fmt.Fprintf(b, "\t%d: %d, // %v\n", c.Code, c.Since, c.Since)
		}
	}
	b.WriteString("}\n\n")
	b.WriteString("func commandByName(name string) (Command, bool) {\n\tswitch name {\n")
	for _, c := range t.Commands {
		fmt.Fprintf(b, "\tcase %q:\n\t\treturn Cmd%s, true\n", c.Name, c.Name)
	}
	b.WriteString("\t}\n\treturn 0, false\n}\n\n")

	b.WriteString("// Parameter tags of the base64-encoded request query ([MS-ASHTTP] 2.2.1.1.1.1.3).\n")
	b.WriteString("const (\n")
	for _, p := range t.Params {
		comment := ""
		if p.Legacy {
			comment = " // legacy: not in the current table"
		}
		fmt.Fprintf(b, "\tParam%s ParamTag = %d%s\n", p.Name, p.Tag, comment)
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(b, "var paramNames = [%d]string{\n", len(t.Params))
	for _, p := range t.Params {
		fmt.Fprintf(b, "\t%d: %q,\n", p.Tag, p.Name)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(b, "var paramLegacy = [%d]bool{\n", len(t.Params))
	for _, p := range t.Params {
		if p.Legacy {
			fmt.Fprintf(b, "\t%d: true,\n", p.Tag)
		}
	}
	b.WriteString("}\n\n")
	b.WriteString("func paramByName(name string) (ParamTag, bool) {\n\tswitch name {\n")
	for _, p := range t.Params {
		fmt.Fprintf(b, "\tcase %q:\n\t\treturn Param%s, true\n", p.Name, p.Name)
	}
	b.WriteString("\t}\n\treturn 0, false\n}\n")
}
