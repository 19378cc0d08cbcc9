package version

// ParseList parses a comma-separated list of versions, the value of the
// MS-ASProtocolVersions and X-MS-RP headers ("2.5,12.0,12.1,14.0,14.1").
// See [AppendList] for the rules. It returns a new slice.
func ParseList(header string) ([]Version, error) {
	return AppendList(nil, header)
}

// AppendList appends the versions listed in header to dst, in the order
// they appear, and returns the extended slice. It allocates only when dst
// lacks room.
//
// Items are separated by commas. Spaces and tabs around an item are
// ignored, and so are empty items ("2.5,,12.0," lists two versions).
// Well-formed versions that were never published are kept (check them with
// [Version.IsKnown]); duplicates are kept too. An item that is not a
// version is a [*ParseError] whose Text is header and whose Offset points
// into it; AppendList still appends every well-formed item, before and after
// the bad one, and returns the first error.
func AppendList(dst []Version, header string) ([]Version, error) {
	var first error
	i := 0
	for i <= len(header) {
		end := i
		for end < len(header) && header[end] != ',' {
			end++
		}
		start, stop := i, end
		for start < stop && isSpace(header[start]) {
			start++
		}
		for stop > start && isSpace(header[stop-1]) {
			stop--
		}
		if start < stop {
			v, err := parseBytes(header[start:stop])
			if err == nil {
				dst = append(dst, v)
			} else if first == nil {
				pe := err.(*ParseError)
				first = &ParseError{Text: header, Offset: start + pe.Offset, Reason: pe.Reason}
			}
		}
		i = end + 1
	}
	return dst, first
}

// FormatList returns the header form of vs: the versions in the given order,
// joined by commas without spaces, as Exchange writes them.
func FormatList(vs []Version) string {
	return string(AppendListText(make([]byte, 0, 5*len(vs)), vs))
}

// AppendListText appends the header form of vs (see [FormatList]) to dst.
func AppendListText(dst []byte, vs []Version) []byte {
	for i, v := range vs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst, _ = v.AppendText(dst)
	}
	return dst
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }
