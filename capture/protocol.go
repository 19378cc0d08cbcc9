package capture

import (
	"strconv"
	"strings"

	"github.com/easkit/easkit/version"
)

// describeProtocol writes what the MS-ASProtocolVersions and
// MS-ASProtocolCommands fields of m say ([MS-ASHTTP] 2.2.4, the response
// to OPTIONS, also sent with a FolderSync response), parsed: the versions
// listed and the one that a client implementing every version the version
// package knows would choose ([version.Negotiate]), and the commands with
// their count. A list that does not parse is a note, returned.
func describeProtocol(b *strings.Builder, m *Message) (notes []string) {
	if vs := m.Header.Values("MS-ASProtocolVersions"); len(vs) > 0 {
		value := strings.Join(vs, ",")
		list, err := version.AppendList(nil, value)
		b.WriteString("Protocol versions: ")
		for i, v := range list {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(v.String())
		}
		if len(list) == 0 {
			b.WriteString("none")
		}
		b.WriteByte(' ')
		if v, nerr := version.Negotiate(version.Known[:], list); nerr == nil {
			b.WriteString("(a client of every version would use " + v.String() + ")")
		} else {
			b.WriteString("(a client of every version would find none to use)")
		}
		b.WriteByte('\n')
		if err != nil {
			note := "MS-ASProtocolVersions does not parse: " + err.Error()
			b.WriteString("  " + note + "\n")
			notes = append(notes, note)
		}
	}
	if cs := m.Header.Values("MS-ASProtocolCommands"); len(cs) > 0 {
		var names []string
		bad := ""
		for _, v := range cs {
			for _, item := range strings.Split(v, ",") {
				item = strings.TrimSpace(item)
				switch {
				case item == "":
				case !isCommandName(item):
					if bad == "" {
						bad = item
					}
				default:
					names = append(names, item)
				}
			}
		}
		b.WriteString("Commands: " + strings.Join(names, ", ") + " (" + strconv.Itoa(len(names)) + ")\n")
		if bad != "" {
			note := "MS-ASProtocolCommands does not parse: " + strconv.Quote(bad) + " is not a command name"
			b.WriteString("  " + note + "\n")
			notes = append(notes, note)
		}
	}
	if len(m.Header.Values("MS-ASProtocolVersions"))+len(m.Header.Values("MS-ASProtocolCommands")) > 0 {
		b.WriteByte('\n')
	}
	return notes
}

// isCommandName reports whether s may be a command name of
// MS-ASProtocolCommands: letters and digits, starting with a letter.
func isCommandName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return s != ""
}
