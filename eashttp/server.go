package eashttp

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/version"
)

// A Request is an ActiveSync command request as a server sees it, read by
// ParseRequest from either query form.
type Request struct {
	// Cmd is the command name; Command its base64 code.
	Cmd     string
	Command b64uri.Command

	// Base64 reports that the query was in the base64 form ([MS-ASHTTP]
	// 2.2.1.1.1.1) rather than the plain one (2.2.1.1.1.2).
	Base64 bool

	// Version is the protocol version: the MS-ASProtocolVersion header
	// (plain form) or the query's first byte (base64).
	Version version.Version

	// User, DeviceID and DeviceType are the query's (DeviceID in hex when
	// the base64 form carries a binary id).
	User, DeviceID, DeviceType string

	// PolicyKey is X-MS-PolicyKey or the base64 policy key; "" when absent.
	PolicyKey string

	// Locale is the base64 form's LCID; 0 for the plain form.
	Locale uint16

	// Params are the command parameters other than User and Options
	// (ItemId, CollectionId, …), in query order; their values are copies.
	Params []b64uri.Param

	// SaveInSent and AcceptMultiPart are the Options bits: SaveInSent=T,
	// and the MS-ASAcceptMultiPart: T header (or the base64 Options bit),
	// which asks for a multipart ItemOperations response.
	SaveInSent, AcceptMultiPart bool

	// UserAgent is the User-Agent header.
	UserAgent string

	// AuthUser is the user name of Basic credentials, "" without them.
	// The password is not kept.
	AuthUser string

	// ContentType is the body's media type without parameters.
	ContentType string

	// Body is the request body; Message its tree when the body is WBXML
	// (nil otherwise, and for an empty body).
	Body    []byte
	Message *eas.Element

	// HTTP is the request itself.
	HTTP *http.Request

	// ReplyHeader is the header of the response, for a CommandFunc that
	// adds headers (X-MS-RP); nil outside a Handler.
	ReplyHeader http.Header
}

// Param returns the value of the first parameter with tag t.
func (r *Request) Param(t b64uri.ParamTag) (string, bool) {
	for _, p := range r.Params {
		if p.Tag == t {
			return string(p.Value), true
		}
	}
	return "", false
}

// RequestError reports a request ParseRequest refuses: a 400 (or, for a body
// over the limit, 413) for the server to answer with.
type RequestError struct {
	Code  int    // the HTTP status to answer with: 400, 405 or 413
	Field string // what was wrong: "method", "query", "body", "Content-Type"
	Err   error  // the cause (a *b64uri.Error for the query)
}

// Error names the field and the cause.
func (e *RequestError) Error() string {
	return fmt.Sprintf("eashttp: request %s: %v", e.Field, e.Err)
}

// Unwrap returns Err.
func (e *RequestError) Unwrap() error { return e.Err }

// lenient decodes base64 queries as servers must: some clients use the
// URL-safe alphabet or escape the text.
var lenient = b64uri.NewDecoder(b64uri.WithStrictness(b64uri.Lenient))

// ParseRequest reads an ActiveSync command request: the query in either
// form (detected with b64uri.IsPlain), the headers of the plain form, and
// the body, at most limit bytes (limit ≤ 0 means DefaultMaxBodySize). A WBXML
// body (Content-Type MediaTypeWBXML) is parsed into Request.Message. Errors
// are *RequestError values; the request body is read but not closed.
func ParseRequest(r *http.Request, limit int64) (*Request, error) {
	if limit <= 0 {
		limit = DefaultMaxBodySize
	}
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		return nil, &RequestError{Code: http.StatusMethodNotAllowed, Field: "method", Err: fmt.Errorf("%s is not a command method", r.Method)}
	}
	req := &Request{HTTP: r, UserAgent: r.UserAgent()}
	if u, _, ok := r.BasicAuth(); ok {
		req.AuthUser = u
	}
	raw := []byte(r.URL.RawQuery)
	var q b64uri.Query
	if b64uri.IsPlain(raw) {
		h := b64uri.Headers{
			ProtocolVersion: r.Header.Get(b64uri.HeaderProtocolVersion),
			PolicyKey:       r.Header.Get(b64uri.HeaderPolicyKey),
			AcceptMultiPart: r.Header.Get(b64uri.HeaderAcceptMultiPart),
		}
		if err := q.ParsePlain(raw, h); err != nil {
			return nil, &RequestError{Code: http.StatusBadRequest, Field: "query", Err: err}
		}
	} else {
		if len(raw) == 0 {
			return nil, &RequestError{Code: http.StatusBadRequest, Field: "query", Err: errors.New("missing")}
		}
		if err := lenient.Decode(&q, raw); err != nil {
			return nil, &RequestError{Code: http.StatusBadRequest, Field: "query", Err: err}
		}
		req.Base64 = true
		req.Locale = q.Locale
		if strings.EqualFold(r.Header.Get(b64uri.HeaderAcceptMultiPart), "T") {
			req.AcceptMultiPart = true
		}
	}
	req.Cmd, req.Command = q.Command.String(), q.Command
	req.Version = q.Version
	req.DeviceID = q.DeviceIDText()
	req.DeviceType = string(q.DeviceType)
	if q.HasPolicyKey {
		req.PolicyKey = fmt.Sprint(q.PolicyKey)
	}
	if u, ok := q.Param(b64uri.ParamUser); ok {
		req.User = string(u)
	}
	if f, ok := q.Options(); ok {
		req.SaveInSent = f&b64uri.SaveInSent != 0
		req.AcceptMultiPart = req.AcceptMultiPart || f&b64uri.AcceptMultiPart != 0
	}
	for _, p := range q.Params {
		if p.Tag != b64uri.ParamUser && p.Tag != b64uri.ParamOptions {
			req.Params = append(req.Params, b64uri.Param{Tag: p.Tag, Value: append([]byte(nil), p.Value...)})
		}
	}

	if r.ContentLength > limit {
		return nil, &RequestError{Code: http.StatusRequestEntityTooLarge, Field: "body", Err: tooLarge(fmt.Sprintf("%d bytes, the limit is %d", r.ContentLength, limit))}
	}
	if r.Body != nil {
		data, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
		if err != nil {
			return nil, &RequestError{Code: http.StatusBadRequest, Field: "body", Err: err}
		}
		if int64(len(data)) > limit {
			return nil, &RequestError{Code: http.StatusRequestEntityTooLarge, Field: "body", Err: tooLarge(fmt.Sprintf("more than %d bytes, the limit", limit))}
		}
		req.Body = data
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil {
			return nil, &RequestError{Code: http.StatusBadRequest, Field: "Content-Type", Err: err}
		}
		req.ContentType = mt
	}
	if len(req.Body) > 0 && req.ContentType == MediaTypeWBXML {
		m, err := eas.Parse(req.Body)
		if err != nil {
			return nil, &RequestError{Code: http.StatusBadRequest, Field: "body", Err: err}
		}
		req.Message = m
	}
	return req, nil
}
