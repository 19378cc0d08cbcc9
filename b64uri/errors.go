package b64uri

import (
	"errors"
	"strconv"
)

// Sentinel errors, for [errors.Is]. Every error this package returns is an
// [*Error] wrapping one of them.
var (
	// ErrAlphabet: a character outside the base64 alphabet (strict mode
	// accepts only RFC 2045's A–Z a–z 0–9 + /, and = as padding).
	ErrAlphabet = errors.New("non-base64 character")

	// ErrPadding: '=' where padding cannot be, or a text whose length
	// leaves a single character in the last group.
	ErrPadding = errors.New("bad base64 padding")

	// ErrTruncated: the bytes end before a fixed field: fewer than the 7
	// fixed bytes, a missing length byte, or a parameter tag without its
	// length.
	ErrTruncated = errors.New("truncated query")

	// ErrDeviceIDLength: the device id length is 0, or more than the
	// bytes that remain (or, when packing, more than 255).
	ErrDeviceIDLength = errors.New("bad device id length")

	// ErrPolicyKeyLength: the policy key length is not 0 or 4, or more
	// than the bytes that remain.
	ErrPolicyKeyLength = errors.New("bad policy key length")

	// ErrDeviceTypeLength: the device type is longer than the bytes that
	// remain (or, when packing, than 255 bytes).
	ErrDeviceTypeLength = errors.New("bad device type length")

	// ErrParamLength: a parameter value is longer than the bytes that
	// remain (or, when packing, than 255 bytes).
	ErrParamLength = errors.New("bad parameter length")

	// ErrOptionsLength: the Options parameter is not exactly one byte.
	ErrOptionsLength = errors.New("bad Options length")

	// ErrTooManyParams: more than [MaxParams] command parameters.
	ErrTooManyParams = errors.New("too many parameters")

	// ErrUnknownCommand: a command code with no command (5–8, above 23),
	// or a plain Cmd name that has no base64 code.
	ErrUnknownCommand = errors.New("unknown command")

	// ErrPlainSyntax: a plain query item without '=', or a bad
	// percent-escape.
	ErrPlainSyntax = errors.New("bad plain query syntax")

	// ErrUnknownParam: a plain query parameter name this package does not
	// know.
	ErrUnknownParam = errors.New("unknown parameter")

	// ErrMissingParam: a plain query without Cmd, DeviceId or DeviceType,
	// or a missing MS-ASProtocolVersion header.
	ErrMissingParam = errors.New("missing parameter")

	// ErrDuplicateParam: Cmd, DeviceId or DeviceType given twice.
	ErrDuplicateParam = errors.New("duplicate parameter")

	// ErrHeaderValue: a bad MS-ASProtocolVersion, X-MS-PolicyKey,
	// MS-ASAcceptMultiPart or SaveInSent value.
	ErrHeaderValue = errors.New("bad header value")
)

// Field names the part of a query an [*Error] is about. The zero Field
// names no part, and no error of this package carries it; its String is
// "Field(0)".
type Field uint8

// The parts of a query. The binary fields are in wire order.
const (
	FieldText                  Field = iota + 1 // the base64 text
	FieldFixed                                  // the 7 fixed bytes as a whole
	FieldVersion                                // byte 0, the protocol version
	FieldCommand                                // byte 1, the command code
	FieldLocale                                 // bytes 2–3
	FieldDeviceIDLength                         // the device id length byte
	FieldDeviceID                               // the device id
	FieldPolicyKeyLength                        // the policy key length byte
	FieldPolicyKey                              // the policy key
	FieldDeviceTypeLength                       // the device type length byte
	FieldDeviceType                             // the device type
	FieldParamTag                               // a parameter's tag byte
	FieldParamLength                            // a parameter's length byte
	FieldParamValue                             // a parameter's value
	FieldPlainQuery                             // the plain query text
	FieldHeaderVersion                          // the MS-ASProtocolVersion header
	FieldHeaderPolicyKey                        // the X-MS-PolicyKey header
	FieldHeaderAcceptMultiPart                  // the MS-ASAcceptMultiPart header
)

var fieldNames = [...]string{
	FieldText:                  "base64 text",
	FieldFixed:                 "fixed fields",
	FieldVersion:               "protocol version",
	FieldCommand:               "command code",
	FieldLocale:                "locale",
	FieldDeviceIDLength:        "device id length",
	FieldDeviceID:              "device id",
	FieldPolicyKeyLength:       "policy key length",
	FieldPolicyKey:             "policy key",
	FieldDeviceTypeLength:      "device type length",
	FieldDeviceType:            "device type",
	FieldParamTag:              "parameter tag",
	FieldParamLength:           "parameter length",
	FieldParamValue:            "parameter value",
	FieldPlainQuery:            "plain query",
	FieldHeaderVersion:         "MS-ASProtocolVersion",
	FieldHeaderPolicyKey:       "X-MS-PolicyKey",
	FieldHeaderAcceptMultiPart: "MS-ASAcceptMultiPart",
}

// String returns a short description ("device id length").
func (f Field) String() string {
	if int(f) < len(fieldNames) && fieldNames[f] != "" {
		return fieldNames[f]
	}
	return "Field(" + strconv.Itoa(int(f)) + ")"
}

// Error describes a bad query: what was wrong (Err, a sentinel), in which
// field, and where. The package's functions make every Error they return;
// the zero Error, which none of them returns, wraps nothing (Unwrap
// returns nil) and reads "b64uri: byte 0: error".
type Error struct {
	Err   error // one of the sentinel errors above
	Field Field

	// Offset locates the problem. For the binary fields it is the byte
	// offset in the decoded bytes (of the length byte, for length errors).
	// When InText is true it is the character offset in the text that was
	// parsed: the base64 text, the plain query, or a header value (see
	// Field). When packing it is -1: the problem is in a Query's fields.
	Offset int
	InText bool

	// Value is the offending value: the length byte, the command code, the
	// character, the tag. -1 when there is none.
	Value int

	// Remaining is, for a length that overruns the input, how many bytes
	// were left after the length byte; -1 otherwise.
	Remaining int

	// Tag is the parameter tag, for parameter errors.
	Tag ParamTag

	// Name is the plain-form parameter name or command name involved, for
	// plain-form errors.
	Name string
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// Error says which field was wrong, where, and why.
func (e *Error) Error() string {
	b := make([]byte, 0, 96)
	b = append(b, "b64uri: "...)
	switch {
	case e.Offset < 0:
	case e.InText:
		b = append(b, e.Field.String()...)
		b = append(b, " offset "...)
		b = strconv.AppendInt(b, int64(e.Offset), 10)
		b = append(b, ": "...)
	default:
		b = append(b, "byte "...)
		b = strconv.AppendInt(b, int64(e.Offset), 10)
		b = append(b, ": "...)
	}
	return string(e.appendDetail(b))
}

func (e *Error) appendDetail(b []byte) []byte {
	num := func(b []byte, v int) []byte { return strconv.AppendInt(b, int64(v), 10) }
	exceeds := func(b []byte, what string) []byte {
		b = append(b, what...)
		b = append(b, " length "...)
		b = num(b, e.Value)
		if e.Remaining >= 0 {
			b = append(b, " exceeds remaining "...)
			b = num(b, e.Remaining)
			b = append(b, " bytes"...)
		}
		return b
	}
	switch e.Err {
	case ErrAlphabet:
		b = append(b, "non-base64 character "...)
		b = appendQuotedByte(b, byte(e.Value))
		return append(b, " (RFC 2045 alphabet expected)"...)
	case ErrPadding:
		if e.Value == '=' {
			return append(b, "misplaced padding '='"...)
		}
		return append(b, "base64 text ends inside a group (length mod 4 is 1)"...)
	case ErrTruncated:
		switch e.Field {
		case FieldFixed:
			b = append(b, "too short: "...)
			b = num(b, e.Value)
			return append(b, " bytes (need at least 7 fixed bytes)"...)
		case FieldParamLength:
			b = append(b, "trailing byte "...)
			b = appendHexByte(b, byte(e.Value))
			return append(b, ": parameter tag without length"...)
		default:
			b = append(b, "missing "...)
			b = append(b, e.Field.String()...)
			return append(b, " byte"...)
		}
	case ErrDeviceIDLength:
		if e.Value == 0 {
			return append(b, "device id length 0 (MUST be > 0)"...)
		}
		if e.Remaining < 0 && e.Value > 255 {
			b = append(b, "device id length "...)
			b = num(b, e.Value)
			return append(b, " (at most 255)"...)
		}
		return exceeds(b, "device id")
	case ErrPolicyKeyLength:
		if e.Remaining < 0 {
			b = append(b, "policy key length "...)
			b = num(b, e.Value)
			return append(b, " (only 0 or 4 valid)"...)
		}
		return exceeds(b, "policy key")
	case ErrDeviceTypeLength:
		if e.Remaining < 0 {
			b = append(b, "device type length "...)
			b = num(b, e.Value)
			return append(b, " (at most 255)"...)
		}
		return exceeds(b, "device type")
	case ErrParamLength:
		b = append(b, "parameter tag "...)
		b = num(b, int(e.Tag))
		if e.Remaining < 0 {
			b = append(b, " length "...)
			b = num(b, e.Value)
			return append(b, " (at most 255)"...)
		}
		return exceeds(b, "")
	case ErrOptionsLength:
		b = append(b, "Options parameter length "...)
		b = num(b, e.Value)
		return append(b, " (must be 1)"...)
	case ErrTooManyParams:
		b = append(b, "more than "...)
		b = num(b, MaxParams)
		return append(b, " parameters"...)
	case ErrUnknownCommand:
		if e.Name != "" || e.Field == FieldPlainQuery {
			b = append(b, "unknown command "...)
			return strconv.AppendQuote(b, e.Name)
		}
		b = append(b, "unknown command code "...)
		return num(b, e.Value)
	case ErrUnknownParam:
		b = append(b, "unknown parameter "...)
		return strconv.AppendQuote(b, e.Name)
	case ErrMissingParam:
		b = append(b, "missing "...)
		return append(b, e.Name...)
	case ErrDuplicateParam:
		b = append(b, "duplicate "...)
		return append(b, e.Name...)
	case ErrPlainSyntax:
		if e.Value == '%' {
			return append(b, "bad percent-escape"...)
		}
		b = append(b, "parameter without '=': "...)
		return strconv.AppendQuote(b, e.Name)
	case ErrHeaderValue:
		b = append(b, "bad "...)
		b = append(b, e.Name...)
		return append(b, " value"...)
	}
	if e.Err != nil {
		return append(b, e.Err.Error()...)
	}
	return append(b, "error"...)
}

const hexUpper = "0123456789ABCDEF"

func appendHexByte(b []byte, c byte) []byte {
	return append(b, '0', 'x', hexUpper[c>>4], hexUpper[c&15])
}

// appendQuotedByte renders c as 'c' when printable ASCII, else as 0xNN.
func appendQuotedByte(b []byte, c byte) []byte {
	if c >= 0x20 && c < 0x7f {
		return strconv.AppendQuoteRune(b, rune(c))
	}
	return appendHexByte(b, c)
}
