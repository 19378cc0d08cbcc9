package codegen

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// The fast paths: for every command type, methods that write it with an
// *eas.Builder and read it with an *eas.Reader without reflection, doing
// what the reflective Marshal and Unmarshal do with the type's plan (same
// order, same options, same errors). The message types export them as
// AppendEAS and ReadEAS (eas.FastMarshaler, eas.FastUnmarshaler).

// fastKind is how a field's value is carried, as eas/plan.go classifies it.
type fastKind int

const (
	fkStruct fastKind = iota
	fkEmpty
	fkBool
	fkString
	fkInt
	fkUint
	fkTime
	fkCompact
	fkBytes
	fkCustom
)

// fastKindOf returns the kind of f and, for unsigned integers, their size.
func fastKindOf(f *CommandField) (fastKind, int, error) {
	elem := f.Elem
	if f.Enum != nil {
		elem = f.Enum.Underlying
	}
	switch {
	case f.Type != nil:
		return fkStruct, 0, nil
	case f.Kind == "empty":
		return fkEmpty, 0, nil
	}
	switch elem {
	case "bool":
		return fkBool, 0, nil
	case "string":
		return fkString, 0, nil
	case "int", "eas.Status":
		return fkInt, 0, nil
	case "uint8":
		return fkUint, 8, nil
	case "uint16":
		return fkUint, 16, nil
	case "uint32":
		return fkUint, 32, nil
	case "time.Time":
		return fkTime, 0, nil
	case "CompactTime":
		return fkCompact, 0, nil
	case "[]byte":
		return fkBytes, 0, nil
	case "EmptyOrUint":
		return fkCustom, 0, nil
	}
	return 0, 0, fmt.Errorf("fast paths: no kind for %s %s", f.Name, f.GoType)
}

// writeFast writes the fast-path methods of the types of m.
func writeFast(b *bytes.Buffer, m *CommandModel) error {
	var out bytes.Buffer
	for _, ct := range m.Types {
		if err := writeFastType(&out, ct); err != nil {
			return fmt.Errorf("%s: %v", ct.Name, err)
		}
	}
	b.Write(out.Bytes())
	b.WriteString(`// grow extends s by one element, reusing the one past its length when
// the capacity allows (as the reflective Unmarshal does), and returns it.
func grow[T any](s []T) ([]T, *T) {
	n := len(s)
	if n == cap(s) {
		var zero T
		s = append(s, zero)
	} else {
		s = s[:n+1]
	}
	return s, &s[n]
}
`)
	return nil
}

func tagIdent(f *CommandField) string {
	return "codepages." + Ident(f.Node().Page, f.Node().Tag)
}

func writeFastType(b *bytes.Buffer, ct *CommandType) error {
	root := ct.Node == ct.Message.Root
	tag := "codepages." + Ident(ct.Node.Page, ct.Node.Tag)
	if root {
		fmt.Fprintf(b, "// AppendEAS writes v as the message, with b, as eas.Marshal does\n// (eas.FastMarshaler).\n")
		fmt.Fprintf(b, "func (v *%s) AppendEAS(b *eas.Builder) error { return v.appendEAS(b) }\n\n", ct.Name)
		fmt.Fprintf(b, "// ReadEAS reads the message into v, as eas.Unmarshal does\n// (eas.FastUnmarshaler).\n")
		fmt.Fprintf(b, "func (v *%s) ReadEAS(r *eas.Reader) error {\n", ct.Name)
		fmt.Fprintf(b, "\tif err := r.Root(%s); err != nil {\n\t\treturn err\n\t}\n\treturn v.readEAS(r)\n}\n\n", tag)
	}

	// Writing.
	fmt.Fprintf(b, "func (v *%s) appendEAS(b *eas.Builder) error {\n", ct.Name)
	fmt.Fprintf(b, "\tb.Start(%s)\n", tag)
	if ct.Text {
		b.WriteString("\tb.Chardata(v.Text)\n")
	}
	if ct.Any {
		b.WriteString("\tfor _, e := range v.Any {\n\t\tif e != nil {\n\t\t\tb.Element(e)\n\t\t}\n\t}\n")
	}
	if ct.Names {
		b.WriteString("\tfor _, t := range v.Names {\n\t\tb.Empty(t)\n\t}\n")
	}
	for _, f := range ct.Fields {
		k, _, err := fastKindOf(f)
		if err != nil {
			return err
		}
		t := tagIdent(f)
		fv := "v." + f.Name
		switch {
		case f.Repeated && k == fkStruct:
			fmt.Fprintf(b, "\tfor i := range %s {\n\t\t%s[i].appendEAS(b)\n\t}\n", fv, fv)
		case f.Repeated:
			fmt.Fprintf(b, "\tfor _, x := range %s {\n", fv)
			writeValue(b, "\t\t", f, k, t, "x")
			b.WriteString("\t}\n")
		case f.Pointer && k == fkStruct:
			fmt.Fprintf(b, "\tif %s != nil {\n\t\t%s.appendEAS(b)\n\t}\n", fv, fv)
		case f.Pointer:
			fmt.Fprintf(b, "\tif %s != nil {\n", fv)
			writeValue(b, "\t\t", f, k, t, "*"+fv)
			b.WriteString("\t}\n")
		case k == fkStruct:
			if !f.Required {
				return fmt.Errorf("%s: an optional struct that is not a pointer", f.Name)
			}
			fmt.Fprintf(b, "\t%s.appendEAS(b)\n", fv)
		case slices.Contains(f.Opts, "omitempty"):
			var nz string
			switch k {
			case fkString:
				nz = fv + ` != ""`
			case fkBytes:
				nz = fv + " != nil"
			case fkInt, fkUint:
				nz = fv + " != 0"
			case fkTime:
				nz = fv + " != (time.Time{})"
			case fkCompact:
				nz = "time.Time(" + fv + ") != (time.Time{})"
			default:
				return fmt.Errorf("%s: omitempty on kind %d", f.Name, k)
			}
			fmt.Fprintf(b, "\tif %s {\n", nz)
			writeValue(b, "\t\t", f, k, t, fv)
			b.WriteString("\t}\n")
		default:
			writeValue(b, "\t", f, k, t, fv)
		}
	}
	b.WriteString("\tb.End()\n\treturn b.Err()\n}\n\n")

	// Reading.
	fmt.Fprintf(b, "func (v *%s) readEAS(r *eas.Reader) error {\n", ct.Name)
	required := false
	for _, f := range ct.Fields {
		required = required || f.Required
	}
	if required {
		b.WriteString("\toff := r.Offset()\n")
	}
	if root {
		fmt.Fprintf(b, "\tv.XMLName = eas.Name{Tag: %s}\n", tag)
	}
	var seen []string
	if ct.Any {
		seen = append(seen, "seenAny")
	}
	if ct.Names {
		seen = append(seen, "seenNames")
	}
	for i := range ct.Fields {
		seen = append(seen, fmt.Sprintf("s%d", i))
	}
	fmt.Fprintf(b, "\tvar %s bool\n", strings.Join(seen, ", "))
	next := "Next"
	if ct.Text {
		b.WriteString("\tmark := r.TextMark()\n")
		next = "NextText"
	}
	b.WriteString("\tfor {\n\t\ttag, ok, err := r." + next + "()\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tif !ok {\n\t\t\tbreak\n\t\t}\n\t\tswitch tag {\n")
	for i, f := range ct.Fields {
		k, bits, _ := fastKindOf(f)
		s := fmt.Sprintf("s%d", i)
		fv := "v." + f.Name
		fmt.Fprintf(b, "\t\tcase %s:\n", tagIdent(f))
		var lhs, ptr string
		if f.Repeated {
			fmt.Fprintf(b, "\t\t\tif !%s {\n\t\t\t\t%s = %s[:0]\n\t\t\t}\n", s, fv, fv)
			fmt.Fprintf(b, "\t\t\tif err := r.Child(len(%s) + 1); err != nil {\n\t\t\t\treturn err\n\t\t\t}\n", fv)
			fmt.Fprintf(b, "\t\t\t%s = true\n", s)
			fmt.Fprintf(b, "\t\t\tvar e *%s\n\t\t\t%s, e = grow(%s)\n", f.Elem, fv, fv)
			lhs, ptr = "*e", "e"
		} else {
			fmt.Fprintf(b, "\t\t\tif err := r.Once(%s); err != nil {\n\t\t\t\treturn err\n\t\t\t}\n", s)
			fmt.Fprintf(b, "\t\t\t%s = true\n", s)
			if f.Pointer {
				fmt.Fprintf(b, "\t\t\tif %s == nil {\n\t\t\t\t%s = new(%s)\n\t\t\t}\n", fv, fv, f.Elem)
				lhs, ptr = "*"+fv, fv
			} else {
				lhs, ptr = fv, "&"+fv
			}
		}
		recv := ptr
		if recv == "&"+fv {
			recv = fv
		}
		in := "\t\t\t"
		ret := in + "if err != nil {\n" + in + "\treturn err\n" + in + "}\n"
		switch k {
		case fkStruct:
			fmt.Fprintf(b, "%sif err := %s.readEAS(r); err != nil {\n%s\treturn err\n%s}\n", in, recv, in, in)
		case fkEmpty:
			fmt.Fprintf(b, "%sif err := r.Empty(); err != nil {\n%s\treturn err\n%s}\n%s%s = true\n", in, in, in, in, lhs)
		case fkBool:
			fmt.Fprintf(b, "%sx, err := r.Bool()\n%s%s%s = x\n", in, ret, in, lhs)
		case fkString:
			fmt.Fprintf(b, "%sx, err := r.String()\n%s%s%s = %s(x)\n", in, ret, in, lhs, f.Elem)
		case fkInt:
			fmt.Fprintf(b, "%sx, err := r.Int(0)\n%s%s%s = %s(x)\n", in, ret, in, lhs, f.Elem)
		case fkUint:
			fmt.Fprintf(b, "%sx, err := r.Uint(%d)\n%s%s%s = %s(x)\n", in, bits, ret, in, lhs, f.Elem)
		case fkTime:
			fmt.Fprintf(b, "%sx, err := r.Time()\n%s%s%s = x\n", in, ret, in, lhs)
		case fkCompact:
			fmt.Fprintf(b, "%sif err := r.Text(%s); err != nil {\n%s\treturn err\n%s}\n", in, ptr, in, in)
		case fkBytes:
			fmt.Fprintf(b, "%sx, err := r.Bytes(%s, %v)\n%s%s%s = x\n", in, lhs, slices.Contains(f.Opts, "opaque"), ret, in, lhs)
		case fkCustom:
			fmt.Fprintf(b, "%sif err := r.Custom(%s); err != nil {\n%s\treturn err\n%s}\n", in, ptr, in, in)
		}
		b.WriteString(in + "r.Close()\n")
	}
	b.WriteString("\t\tdefault:\n")
	if ct.Names {
		// As eas/names.go: the empty children are names, the others go
		// to Any, and each slice is truncated at its first.
		if !ct.Any {
			return fmt.Errorf("a names field without an any field")
		}
		b.WriteString("\t\t\tif !seenNames {\n\t\t\t\tv.Names = v.Names[:0]\n\t\t\t\tseenNames = true\n\t\t\t}\n")
		b.WriteString("\t\t\tvar kept []*eas.Element\n\t\t\tif seenAny {\n\t\t\t\tkept = v.Any\n\t\t\t}\n")
		b.WriteString("\t\t\te, err := r.Name(&v.Names, kept)\n\t\t\tif err != nil {\n\t\t\t\treturn err\n\t\t\t}\n")
		b.WriteString("\t\t\tif e != nil {\n\t\t\t\tif !seenAny {\n\t\t\t\t\tv.Any = v.Any[:0]\n\t\t\t\t\tseenAny = true\n\t\t\t\t}\n\t\t\t\tv.Any = append(v.Any, e)\n\t\t\t}\n")
	} else if ct.Any {
		b.WriteString("\t\t\tif !seenAny {\n\t\t\t\tv.Any = v.Any[:0]\n\t\t\t\tseenAny = true\n\t\t\t}\n")
		b.WriteString("\t\t\tif err := r.Keep(&v.Any); err != nil {\n\t\t\t\treturn err\n\t\t\t}\n")
	} else {
		fmt.Fprintf(b, "\t\t\tif err := r.Unknown(%q); err != nil {\n\t\t\t\treturn err\n\t\t\t}\n", "commands."+ct.Name)
	}
	b.WriteString("\t\t}\n\t}\n")
	// What the reflective Unmarshal does at the end: the text, required
	// fields in field order, and absent ones zero.
	if ct.Text {
		b.WriteString("\tv.Text = r.Chardata(mark)\n")
	}
	if ct.Any {
		b.WriteString("\tif !seenAny {\n\t\tv.Any = v.Any[:0]\n\t}\n")
	}
	if ct.Names {
		b.WriteString("\tif !seenNames {\n\t\tv.Names = v.Names[:0]\n\t}\n")
	}
	for i, f := range ct.Fields {
		k, _, _ := fastKindOf(f)
		s := fmt.Sprintf("s%d", i)
		fv := "v." + f.Name
		var zero string
		switch {
		case f.Required:
			fmt.Fprintf(b, "\tif !%s {\n\t\treturn r.Missing(%s, off)\n\t}\n", s, tagIdent(f))
			continue
		case f.Repeated, k == fkBytes:
			zero = fv + "[:0]"
		case f.Pointer:
			zero = "nil"
		case k == fkString:
			zero = `""`
		case k == fkInt || k == fkUint:
			zero = "0"
		case k == fkBool || k == fkEmpty:
			zero = "false"
		case k == fkTime:
			zero = "time.Time{}"
		case k == fkCompact:
			zero = "CompactTime{}"
		default:
			return fmt.Errorf("%s: no zero for kind %d", f.Name, k)
		}
		fmt.Fprintf(b, "\tif !%s {\n\t\t%s = %s\n\t}\n", s, fv, zero)
	}
	b.WriteString("\treturn nil\n}\n\n")
	return nil
}

// writeValue writes the Builder calls that write value x of kind k as
// element t, as eas/marshal.go's one does.
func writeValue(b *bytes.Buffer, in string, f *CommandField, k fastKind, t, x string) {
	recv := x
	if strings.HasPrefix(x, "*") {
		recv = "(" + x + ")"
	}
	switch k {
	case fkBytes:
		call := "Base64"
		if slices.Contains(f.Opts, "opaque") {
			call = "Opaque"
		}
		fmt.Fprintf(b, "%sif %s != nil {\n%s\tb.%s(%s, %s)\n%s} else {\n%s\tb.Empty(%s)\n%s}\n", in, x, in, call, t, x, in, in, t, in)
	case fkEmpty:
		fmt.Fprintf(b, "%sif %s {\n%s\tb.Empty(%s)\n%s}\n", in, x, in, t, in)
	case fkBool:
		fmt.Fprintf(b, "%sif %s {\n%s\tb.Int(%s, 1)\n%s} else {\n%s\tb.Int(%s, 0)\n%s}\n", in, x, in, t, in, in, t, in)
	case fkString:
		fmt.Fprintf(b, "%sb.TextOrOpaque(%s, string(%s))\n", in, t, x)
	case fkInt:
		fmt.Fprintf(b, "%sb.Int(%s, int64(%s))\n", in, t, x)
	case fkUint:
		fmt.Fprintf(b, "%sb.Uint(%s, uint64(%s))\n", in, t, x)
	case fkTime:
		fmt.Fprintf(b, "%sb.Time(%s, %s)\n", in, t, x)
	case fkCompact:
		fmt.Fprintf(b, "%sp, _ := %s.MarshalText() // never fails\n%sb.TextBytes(%s, p)\n", in, recv, in, t)
	case fkCustom:
		fmt.Fprintf(b, "%sif err := %s.MarshalEAS(b, %s); err != nil {\n%s\treturn err\n%s}\n", in, recv, t, in, in)
	}
}
