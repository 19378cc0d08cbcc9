package capture

import (
	"github.com/easkit/easkit/wbxml"

	"encoding/binary"
	"strconv"
)

// Part is one part of a multipart ItemOperations response. The zero Part
// is an empty part at offset 0.
type Part struct {
	// Offset is where the part starts, in bytes from the start of the body.
	Offset int
	// Data is the part's bytes; it shares memory with the body.
	Data []byte
}

// MultipartError reports a malformed multipart body ([MS-ASCMD]
// 2.2.1.10.1.1). It wraps [ErrSyntax] or [ErrTruncated]; the zero
// MultipartError wraps nothing.
type MultipartError struct {
	// Offset is the byte offset in the body of the field that is wrong.
	Offset int
	// Err says what is wrong.
	Err error
}

// Error returns "capture: multipart: offset N: …".
func (e *MultipartError) Error() string {
	s := "capture: multipart: offset " + strconv.Itoa(e.Offset)
	if e.Err == nil {
		return s
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns Err.
func (e *MultipartError) Unwrap() error { return e.Err }

// ParseMultipart splits a multipart ItemOperations response body
// (application/vnd.ms-sync.multipart, [MS-ASCMD] 2.2.1.10.1.1): a
// little-endian int32 PartsCount, then PartsCount pairs of little-endian
// int32 Offset and Length, then the parts; each Offset counts from the start
// of the body. The first part is normally the WBXML ItemOperations response
// and the others hold the fetched data, referenced by its Part elements.
//
// Every count, offset and length is checked against the body before use
// (negative values, parts beyond the end and a PartsCount larger than the
// body can hold are errors, returned as *[MultipartError]); nothing is
// allocated for a count the body cannot hold. Parts may overlap or leave
// gaps; that is not checked. The parts share memory with body.
func ParseMultipart(body []byte) ([]Part, error) {
	if len(body) < 4 {
		return nil, &MultipartError{Offset: len(body), Err: detail(ErrTruncated, "body too short for the part count ("+strconv.Itoa(len(body))+" bytes)")}
	}
	count := int32(binary.LittleEndian.Uint32(body))
	if count < 0 {
		return nil, &MultipartError{Offset: 0, Err: detail(ErrSyntax, "negative part count "+strconv.Itoa(int(count)))}
	}
	if int64(count) > int64(len(body)-4)/8 {
		return nil, &MultipartError{Offset: 0, Err: detail(ErrTruncated, "part count "+strconv.Itoa(int(count))+" needs "+strconv.FormatInt(4+8*int64(count), 10)+" bytes of metadata, body has "+strconv.Itoa(len(body)))}
	}
	parts := make([]Part, count)
	for i := range parts {
		at := 4 + 8*i
		off := int32(binary.LittleEndian.Uint32(body[at:]))
		n := int32(binary.LittleEndian.Uint32(body[at+4:]))
		switch {
		case off < 0:
			return nil, &MultipartError{Offset: at, Err: detail(ErrSyntax, "part "+strconv.Itoa(i)+": negative offset "+strconv.Itoa(int(off)))}
		case n < 0:
			return nil, &MultipartError{Offset: at + 4, Err: detail(ErrSyntax, "part "+strconv.Itoa(i)+": negative length "+strconv.Itoa(int(n)))}
		case int64(off)+int64(n) > int64(len(body)):
			return nil, &MultipartError{Offset: at, Err: detail(ErrTruncated, "part "+strconv.Itoa(i)+": bytes "+strconv.Itoa(int(off))+"+"+strconv.Itoa(int(n))+" run past the end of the body ("+strconv.Itoa(len(body))+" bytes)")}
		}
		parts[i] = Part{Offset: int(off), Data: body[off : off+n : off+n]}
	}
	return parts, nil
}

// AppendMultipart appends a multipart ItemOperations body holding parts to
// dst and returns the extended slice: the inverse of [ParseMultipart], with
// the parts laid out in order right after the metadata. It is meant for
// tests and tools that build captures.
func AppendMultipart(dst []byte, parts ...[]byte) []byte {
	off := 4 + 8*len(parts)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(parts)))
	for _, p := range parts {
		dst = binary.LittleEndian.AppendUint32(dst, uint32(off))
		dst = binary.LittleEndian.AppendUint32(dst, uint32(len(p)))
		off += len(p)
	}
	for _, p := range parts {
		dst = append(dst, p...)
	}
	return dst
}

// looksMultipart reports whether body is a multipart response laid out the
// usual way: at least one part, a part count whose metadata fits, the first
// part starting right after the metadata and looking like WBXML. It is
// strict about where the first part starts, so that WBXML is not mistaken
// for multipart, but not about the lengths: a body whose later metadata is
// damaged is still multipart, and ParseMultipart says where it is wrong,
// rather than WBXML of another version that decodes to nonsense (a count
// of 2 reads as the header of WBXML 1.2).
func looksMultipart(body []byte) bool {
	if len(body) < 12 {
		return false
	}
	count := int32(binary.LittleEndian.Uint32(body))
	if count < 1 || int64(count) > int64(len(body)-4)/8 {
		return false
	}
	meta := 4 + 8*int64(count)
	off := int64(int32(binary.LittleEndian.Uint32(body[4:])))
	n := int64(int32(binary.LittleEndian.Uint32(body[8:])))
	if off != meta {
		return false
	}
	end := int64(len(body))
	if n >= 0 && off+n <= end {
		end = off + n
	}
	return wbxml.HasHeader(body[off:end])
}
