package b64uri

// IsPlain reports whether a request query (the part of the URI after '?')
// is in the plain form ("Cmd=Sync&User=…") rather than base64: it contains
// '&', or an '=' followed by something other than '='. Base64 text has
// '=' only as trailing padding.
func IsPlain(query []byte) bool {
	for i, c := range query {
		switch c {
		case '&':
			return true
		case '=':
			if i+1 < len(query) && query[i+1] != '=' {
				return true
			}
		}
	}
	return false
}
