package capture

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"strconv"
	"strings"
)

// splitCodings splits a Transfer-Encoding or Content-Encoding value list
// into lower-case codings, dropping empty items and parameters.
func splitCodings(values []string) []string {
	var out []string
	for _, v := range values {
		for _, item := range strings.Split(v, ",") {
			if i := strings.IndexByte(item, ';'); i >= 0 {
				item = item[:i]
			}
			item = strings.ToLower(strings.TrimSpace(item))
			if item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// decodeCodings undoes codings, which were applied in the order listed, so
// they are undone last first. gzip (x-gzip), deflate (zlib, or raw DEFLATE
// as some servers send) and identity are known; anything else is
// ErrUnsupported. With onlyIfMarked, a coding is undone only when the body
// starts with its magic bytes (gzip) or a zlib header (deflate), and is
// otherwise assumed already undone: HAR tools store bodies decoded but keep
// the Content-Encoding header.
func decodeCodings(body []byte, codings []string, b *budget, onlyIfMarked bool) ([]byte, error) {
	for i := len(codings) - 1; i >= 0; i-- {
		var err error
		switch c := codings[i]; c {
		case "identity":
		case "gzip", "x-gzip":
			if onlyIfMarked && !isGzip(body) {
				continue
			}
			var zr *gzip.Reader
			zr, err = gzip.NewReader(bytes.NewReader(body))
			if err == nil {
				body, err = readLimited(zr, b)
			}
			if err != nil {
				return nil, codingError(c, err)
			}
		case "deflate":
			switch {
			case isZlib(body):
				var zr io.ReadCloser
				zr, err = zlib.NewReader(bytes.NewReader(body))
				if err == nil {
					body, err = readLimited(zr, b)
				}
			case onlyIfMarked:
				continue
			default:
				body, err = readLimited(flate.NewReader(bytes.NewReader(body)), b)
			}
			if err != nil {
				return nil, codingError(c, err)
			}
		default:
			if onlyIfMarked {
				continue
			}
			return nil, detail(ErrUnsupported, "content coding "+strconv.Quote(c)+" is not supported (gzip, deflate and identity are)")
		}
	}
	return body, nil
}

func codingError(coding string, err error) error {
	if ce, ok := err.(*causeError); ok {
		return ce
	}
	e := ErrSyntax
	if err == io.ErrUnexpectedEOF {
		e = ErrTruncated
	}
	return wrapCause(e, coding+" body", err)
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// isZlib reports whether b starts with a zlib header (RFC 1950): method 8,
// window at most 32 KiB, check bits valid.
func isZlib(b []byte) bool {
	return len(b) >= 2 && b[0]&0x0F == 8 && b[0]>>4 <= 7 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0
}

// readLimited reads r to the end, failing with ErrTooLarge (before going
// far past it) when the output would exceed the budget.
func readLimited(r io.Reader, b *budget) ([]byte, error) {
	lim := b.limit()
	var buf bytes.Buffer
	var n int64
	var err error
	if lim < 0 {
		n, err = io.Copy(&buf, r)
	} else {
		n, err = io.Copy(&buf, io.LimitReader(r, lim+1))
		if err == nil && n > lim {
			return nil, detail(ErrTooLarge, "decoded body exceeds the decoded-size limit of "+strconv.FormatInt(lim, 10)+" bytes")
		}
	}
	if err != nil {
		return nil, err
	}
	b.take(n)
	return buf.Bytes(), nil
}
