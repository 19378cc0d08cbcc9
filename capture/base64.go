package capture

import (
	"bytes"
	"encoding/base64"
	"slices"
	"strconv"
)

// parseBase64 reads base64 text from p: the standard or the URL-safe
// alphabet (not mixed), padded or not, on one line or wrapped at any width.
// A data: URI prefix ("data:application/vnd.ms-sync.wbxml;base64,") is
// skipped, and so is a MIME header block (Content-Type,
// Content-Transfer-Encoding… up to a blank line) as a MIME part or a mail
// saved from a log carries. Text that continues after '=' padding is a
// further body, so several padded blobs one after another give several
// bodies.
func parseBase64(data []byte, p int) ([]bareBody, error) {
	q := skipMIMEHeader(data, skipSpace(data, p))
	if q == len(data) {
		return nil, textError(data, FormBase64, 0, q, detail(ErrEmpty, "no base64 text"))
	}
	if bytes.HasPrefix(data[q:], []byte("data:")) {
		end, _ := lineEnd(data, q)
		comma := bytes.IndexByte(data[q:end], ',')
		if comma < 0 || !bytes.HasSuffix(bytes.ToLower(data[q:q+comma]), []byte(";base64")) {
			return nil, textError(data, FormBase64, 0, q, detail(ErrSyntax, "data: URI without ;base64,"))
		}
		q += comma + 1
	}
	var bodies []bareBody
	// One buffer for the text of a blob, reused, and one for the bodies of
	// all blobs: many small blobs cost what one large blob costs.
	var clean []byte
	slab := make([]byte, 0, (len(data)-q)/4*3+3)
	for {
		q = skipSpace(data, q)
		if q == len(data) {
			break
		}
		var body []byte
		var next int
		var err error
		body, next, clean, slab, err = parseBase64Blob(data, q, clean[:0], slab)
		if err != nil {
			return nil, err
		}
		bodies = append(bodies, bareBody{off: q, body: body})
		q = next
	}
	if len(bodies) == 0 {
		return nil, textError(data, FormBase64, 0, q, detail(ErrEmpty, "no base64 text"))
	}
	return bodies, nil
}

// parseBase64Blob decodes one blob starting at q, up to its padding or the
// end of input, and returns it with the offset after it. clean is scratch
// space for the blob's characters; the body is appended to slab (and
// capped there, so that later bodies do not overwrite it). Both are
// returned for reuse.
func parseBase64Blob(data []byte, q int, clean, slab []byte) (body []byte, next int, _, _ []byte, _ error) {
	alphabet := 0 // 0 unknown, 1 standard (+/), 2 URL-safe (-_)
	pad := 0
	i := q
	for ; i < len(data); i++ {
		c := data[i]
		switch {
		case isSpace(c):
			continue
		case c == '=':
			pad++
			continue
		case pad > 0:
			// Text after the padding: the next blob.
			goto done
		case 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case c == '+' || c == '/':
			if alphabet == 2 {
				return nil, i, clean, slab, textError(data, FormBase64, 0, i, detail(ErrSyntax, quoteByte(c)+" mixed with the URL-safe alphabet"))
			}
			alphabet = 1
		case c == '-' || c == '_':
			if alphabet == 1 {
				return nil, i, clean, slab, textError(data, FormBase64, 0, i, detail(ErrSyntax, quoteByte(c)+" mixed with the standard alphabet"))
			}
			alphabet = 2
			if c == '-' {
				c = '+'
			} else {
				c = '/'
			}
		default:
			return nil, i, clean, slab, textError(data, FormBase64, 0, i, detail(ErrSyntax, "invalid base64 character "+quoteByte(c)))
		}
		clean = append(clean, c)
	}
done:
	switch {
	case len(clean)%4 == 1:
		return nil, i, clean, slab, textError(data, FormBase64, 0, lastNonSpace(data, i), detail(ErrTruncated, "base64 text ends inside a byte ("+strconv.Itoa(len(clean))+" characters)"))
	case pad > 0 && (len(clean)+pad)%4 != 0 || pad > 2:
		return nil, i, clean, slab, textError(data, FormBase64, 0, lastNonSpace(data, i), detail(ErrSyntax, "wrong number of '=' padding characters ("+strconv.Itoa(pad)+")"))
	}
	at := len(slab)
	slab = slices.Grow(slab, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(slab[at:cap(slab)], clean)
	if err != nil {
		return nil, i, clean, slab, textError(data, FormBase64, 0, q, wrapCause(ErrSyntax, "base64", err))
	}
	slab = slab[:at+n]
	return slab[at : at+n : at+n], i, clean, slab, nil
}

// lastNonSpace returns the offset of the last non-space byte before i.
func lastNonSpace(data []byte, i int) int {
	for i > 0 && isSpace(data[i-1]) {
		i--
	}
	if i > 0 {
		return i - 1
	}
	return 0
}

// skipMIMEHeader returns the offset after the MIME header block that starts
// at q and the blank line that ends it, or q when there is none: header
// fields ("Content-Transfer-Encoding: base64"), each a name of token
// characters and a colon, or continuation lines that start with a blank.
func skipMIMEHeader(data []byte, q int) int {
	fields := 0
	for p := q; p < len(data); {
		end, next := lineEnd(data, p)
		end = trimCR(data, p, end)
		switch {
		case p == end:
			if fields == 0 {
				return q
			}
			return next
		case isBlank(data[p]):
			if fields == 0 {
				return q
			}
		default:
			i := p
			for i < end && isTchar(data[i]) {
				i++
			}
			if i == p || i == end || data[i] != ':' {
				return q
			}
			fields++
		}
		p = next
	}
	return q
}
