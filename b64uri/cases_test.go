package b64uri_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easkit/easkit/b64uri"
	"github.com/easkit/easkit/version"
)

// caseRow is one row of testdata/cases.tsv: a base64 request query and
// its decoded fields or expected error, with the source of each case.
type caseRow struct {
	line                                  int
	query, expect, version, command       string
	locale, idHex, idText, policyKey, typ string
	params, plain, source, note           string
}

func readCases(t testing.TB) []caseRow {
	t.Helper()
	data, err := os.ReadFile("testdata/cases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	const header = "query\texpect\tversion\tcommand\tlocale_hex\tdevice_id_hex\tdevice_id_text\tpolicy_key\tdevice_type\tparams\tplain_equivalent\tsource\tnote"
	if lines[0] != header {
		t.Fatalf("unexpected header %q", lines[0])
	}
	var rows []caseRow
	for i, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 13 {
			t.Fatalf("line %d: %d columns", i+2, len(f))
		}
		rows = append(rows, caseRow{i + 2, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12]})
	}
	return rows
}

func TestCasesTSV(t *testing.T) {
	rows := readCases(t)
	if len(rows) != 30 {
		t.Fatalf("%d rows, want 30", len(rows))
	}
	ok, bad := 0, 0
	for _, r := range rows {
		name := strconv.Itoa(r.line) + "_" + r.query
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			if r.expect == "ok" {
				ok++
				checkOKRow(t, r)
			} else {
				bad++
				checkErrorRow(t, r)
			}
		})
	}
	if ok != 19 || bad != 11 {
		t.Errorf("%d ok rows and %d error rows, want 19 and 11", ok, bad)
	}
}

func checkOKRow(t *testing.T, r caseRow) {
	var q b64uri.Query
	if err := q.Decode([]byte(r.query)); err != nil {
		t.Fatalf("Decode(%q): %v", r.query, err)
	}

	// Decoded fields against the row's columns.
	if want := mustAtoi(t, r.version); int(q.Version.URIByte()) != want {
		t.Errorf("version %d, want %d", q.Version, want)
	}
	code, name, _ := strings.Cut(r.command, " ")
	if int(q.Command) != mustAtoi(t, code) || q.Command.String() != name {
		t.Errorf("command %d %s, want %s", q.Command, q.Command, r.command)
	}
	if got := "0x" + strings.ToLower(strconv.FormatUint(uint64(q.Locale)|0x10000, 16)[1:]); got != r.locale {
		t.Errorf("locale %s, want %s", got, r.locale)
	}
	if got := hex.EncodeToString(q.DeviceID); got != r.idHex {
		t.Errorf("device id %s, want %s", got, r.idHex)
	}
	if r.idText != "" {
		if string(q.DeviceID) != r.idText || q.DeviceIDText() != r.idText {
			t.Errorf("device id text %q, want %q", q.DeviceID, r.idText)
		}
	} else if q.DeviceIDText() != strings.ToUpper(r.idHex) {
		t.Errorf("DeviceIDText %q, want upper-case hex of a binary id", q.DeviceIDText())
	}
	switch {
	case r.policyKey == "" && q.HasPolicyKey:
		t.Errorf("policy key %d present, want absent", q.PolicyKey)
	case r.policyKey != "" && (!q.HasPolicyKey || strconv.FormatUint(uint64(q.PolicyKey), 10) != r.policyKey):
		t.Errorf("policy key %d (present %v), want %s", q.PolicyKey, q.HasPolicyKey, r.policyKey)
	}
	if string(q.DeviceType) != r.typ {
		t.Errorf("device type %q, want %q", q.DeviceType, r.typ)
	}
	wantParams := parseParamsColumn(t, r.params)
	if diff := cmp.Diff(wantParams, q.Params); diff != "" {
		t.Errorf("params (-want +got):\n%s", diff)
	}
	if q.HasUnknownParams() != strings.Contains(r.params, "unknown-tag") {
		t.Errorf("HasUnknownParams = %v", q.HasUnknownParams())
	}

	// Encoding reproduces the input bytes; the text is the padded standard
	// form (equal to the input, plus "=" where the input left it out).
	raw, err := base64.StdEncoding.DecodeString(padded(r.query))
	if err != nil {
		t.Fatalf("encoding/base64 rejects the row: %v", err)
	}
	packed, err := q.AppendPack(nil)
	if err != nil || !bytes.Equal(packed, raw) {
		t.Errorf("AppendPack = %x, %v; want %x", packed, err, raw)
	}
	text, err := q.AppendEncode(nil)
	if err != nil || string(text) != padded(r.query) {
		t.Errorf("AppendEncode = %s, %v; want %s", text, err, padded(r.query))
	}

	checkPlainColumn(t, r, &q, wantParams)

	// Plain → Query gives the query back, up to what the plain form cannot
	// carry; these real queries carry nothing it loses but the locale.
	checkPlainRoundTrip(t, &q)
	if !plainExact(&q) && !q.HasUnknownParams() && !strings.HasPrefix(r.source, "synthetic") {
		t.Errorf("query %s should survive the plain form byte for byte", r.query)
	}
}

// plainDeviceID is the device id that comes back from the plain form, by
// the rule ParsePlain documents: a text id of 32 upper-case hex digits
// spelling unprintable bytes comes back as those bytes (row 24), a binary id
// of 1 to 127 bytes other than 16 as the text of its hex digits; any other
// id as itself.
func plainDeviceID(id []byte) []byte {
	printable := func(b []byte) bool {
		for _, c := range b {
			if c < 0x20 || c > 0x7e {
				return false
			}
		}
		return true
	}
	if !printable(id) {
		if len(id) == 16 || len(id) > 127 {
			return id
		}
		return []byte(strings.ToUpper(hex.EncodeToString(id)))
	}
	if len(id) == 32 && strings.ToUpper(string(id)) == string(id) {
		if b, err := hex.DecodeString(string(id)); err == nil && !printable(b) {
			return b
		}
	}
	return id
}

// parseParamsColumn reads the params column: "Name=value" items separated by
// ';', "Options=0x01(SaveInSent)", and "unknown-tag-255(len 3)=0x010c01".
func parseParamsColumn(t *testing.T, col string) []b64uri.Param {
	t.Helper()
	var out []b64uri.Param
	if col == "" {
		return out
	}
	unknownRE := regexp.MustCompile(`^unknown-tag-(\d+)\(len (\d+)\)=0x([0-9a-f]*)$`)
	optionsRE := regexp.MustCompile(`^Options=0x([0-9a-fA-F]{2})\((.*)\)$`)
	for _, item := range strings.Split(col, ";") {
		if m := unknownRE.FindStringSubmatch(item); m != nil {
			v, _ := hex.DecodeString(m[3])
			if len(v) != mustAtoi(t, m[2]) {
				t.Fatalf("params item %q: length disagrees", item)
			}
			tag := b64uri.ParamTag(mustAtoi(t, m[1]))
			if tag.Known() {
				t.Errorf("tag %d is known but the row calls it unknown", tag)
			}
			out = append(out, b64uri.Param{Tag: tag, Value: v})
			continue
		}
		if m := optionsRE.FindStringSubmatch(item); m != nil {
			v, _ := hex.DecodeString(m[1])
			f := b64uri.Flags(v[0])
			if names := m[2]; (names == "none") != (f == 0) || (f != 0 && f.String() != names) {
				t.Errorf("Options %#x is %s, the row says %s", v[0], f, names)
			}
			out = append(out, b64uri.Param{Tag: b64uri.ParamOptions, Value: v})
			continue
		}
		name, value, ok := strings.Cut(item, "=")
		tag, known := b64uri.ParseParamTag(name)
		if !ok || !known {
			t.Fatalf("params item %q", item)
		}
		out = append(out, b64uri.Param{Tag: tag, Value: []byte(value)})
	}
	return out
}

// deviceTypeAliases are server-side normalisations some plain_equivalent
// cells quote (row 5 copies a Syncroton test comment that shows the
// DeviceType a server derived, WindowsPhone, for a device that sent WP; row
// 16 has the same bytes and shows WP). easkit never renames device types.
var deviceTypeAliases = map[string]string{"WP": "WindowsPhone", "PPC": "PocketPC", "SP": "SmartPhone"}

// checkPlainColumn compares our plain form with the plain_equivalent cell.
// Every pair the cell lists must be in ours (DeviceType up to a server
// alias); every pair of ours the cell leaves out must stand for a field the
// row lists (SaveInSent for an Options parameter, the legacy CollectionName
// and ParentId); the pairs come in the same order; the header note must
// match our headers.
func checkPlainColumn(t *testing.T, r caseRow, q *b64uri.Query, params []b64uri.Param) {
	t.Helper()
	cell, note, _ := strings.Cut(r.plain, " (+ header ")
	got := string(q.AppendPlainQuery(nil))
	gotPairs := strings.Split(got, "&")
	exact := true
	for _, pair := range strings.Split(cell, "&") {
		if slices.Contains(gotPairs, pair) {
			continue
		}
		exact = false
		if v, ok := strings.CutPrefix(pair, "DeviceType="); ok && deviceTypeAliases[string(q.DeviceType)] == v {
			continue
		}
		t.Errorf("plain_equivalent has %q; ours is %s", pair, got)
	}
	hasOptions := slices.ContainsFunc(params, func(p b64uri.Param) bool { return p.Tag == b64uri.ParamOptions })
	for _, pair := range gotPairs {
		if slices.Contains(strings.Split(cell, "&"), pair) || strings.HasPrefix(pair, "DeviceType=") {
			continue
		}
		exact = false
		name, _, _ := strings.Cut(pair, "=")
		tag, _ := b64uri.ParseParamTag(name)
		switch {
		case name == "SaveInSent" && hasOptions:
		case tag.Legacy() && slices.ContainsFunc(params, func(p b64uri.Param) bool { return p.Tag == tag }):
		default:
			t.Errorf("ours has %q, which plain_equivalent %s lacks", pair, cell)
		}
	}
	// The pairs both sides have come in the same order (ours writes
	// SaveInSent where Options stands; the cells put it anywhere).
	var common, cellOrder []string
	for _, pair := range gotPairs {
		if slices.Contains(strings.Split(cell, "&"), pair) && !strings.HasPrefix(pair, "SaveInSent=") {
			common = append(common, pair)
		}
	}
	for _, pair := range strings.Split(cell, "&") {
		if slices.Contains(common, pair) {
			cellOrder = append(cellOrder, pair)
		}
	}
	if !slices.Equal(common, cellOrder) {
		t.Errorf("plain query %s orders its pairs unlike %s", got, cell)
	}
	if exact && len(gotPairs) != len(strings.Split(cell, "&")) {
		t.Errorf("plain query %s, want %s", got, cell)
	}
	wantHeaders := "MS-ASProtocolVersion: " + q.Version.String() + "\n"
	if q.HasPolicyKey {
		wantHeaders += "X-MS-PolicyKey: " + r.policyKey + "\n"
	}
	if note != "" {
		wantHeaders += strings.TrimSuffix(note, ")") + "\n"
	}
	if gotHeaders := string(q.AppendHeaders(nil)); gotHeaders != wantHeaders {
		t.Errorf("headers %q, want %q", gotHeaders, wantHeaders)
	}
}

// expectation is what an error row's expect cell means.
type expectation struct {
	err       error
	field     b64uri.Field
	value     int
	remaining int
	tag       int
}

// errorPatterns read the expect cells of the error rows.
var errorPatterns = []struct {
	re   *regexp.Regexp
	make func(m []string) expectation
}{
	{regexp.MustCompile(`^device id length (\d+) exceeds remaining (\d+) bytes$`), func(m []string) expectation {
		return expectation{b64uri.ErrDeviceIDLength, b64uri.FieldDeviceIDLength, atoi(m[1]), atoi(m[2]), -1}
	}},
	{regexp.MustCompile(`^device id length 0 \(MUST be > 0\)$`), func(m []string) expectation {
		return expectation{b64uri.ErrDeviceIDLength, b64uri.FieldDeviceIDLength, 0, -2, -1}
	}},
	{regexp.MustCompile(`^policy key length (\d+) \(only 0 or 4 valid\)$`), func(m []string) expectation {
		return expectation{b64uri.ErrPolicyKeyLength, b64uri.FieldPolicyKeyLength, atoi(m[1]), -1, -1}
	}},
	{regexp.MustCompile(`^non-base64 character '(.)' \(RFC 2045 alphabet expected\)$`), func(m []string) expectation {
		return expectation{b64uri.ErrAlphabet, b64uri.FieldText, int(m[1][0]), -1, -1}
	}},
	{regexp.MustCompile(`^trailing byte 0x([0-9A-Fa-f]{2}): parameter tag without length$`), func(m []string) expectation {
		v, _ := strconv.ParseUint(m[1], 16, 8)
		return expectation{b64uri.ErrTruncated, b64uri.FieldParamLength, int(v), -1, int(v)}
	}},
	{regexp.MustCompile(`^parameter tag (\d+) length (\d+) exceeds remaining (\d+) bytes$`), func(m []string) expectation {
		return expectation{b64uri.ErrParamLength, b64uri.FieldParamLength, atoi(m[2]), atoi(m[3]), atoi(m[1])}
	}},
	{regexp.MustCompile(`^unknown command code (\d+)$`), func(m []string) expectation {
		return expectation{b64uri.ErrUnknownCommand, b64uri.FieldCommand, atoi(m[1]), -1, -1}
	}},
	{regexp.MustCompile(`^too short: (\d+) bytes \(need at least 7 fixed bytes\)$`), func(m []string) expectation {
		return expectation{b64uri.ErrTruncated, b64uri.FieldFixed, atoi(m[1]), -1, -1}
	}},
	{regexp.MustCompile(`^missing device type length byte$`), func(m []string) expectation {
		return expectation{b64uri.ErrTruncated, b64uri.FieldDeviceTypeLength, -1, -1, -1}
	}},
}

func checkErrorRow(t *testing.T, r caseRow) {
	msg, ok := strings.CutPrefix(r.expect, "error: ")
	if !ok {
		t.Fatalf("expect cell %q", r.expect)
	}
	var want expectation
	found := false
	for _, p := range errorPatterns {
		if m := p.re.FindStringSubmatch(msg); m != nil {
			want, found = p.make(m), true
			break
		}
	}
	if !found {
		t.Fatalf("no pattern reads expect cell %q", msg)
	}
	for _, c := range []string{r.version, r.command, r.locale, r.idHex, r.idText, r.policyKey, r.typ, r.params, r.plain} {
		if c != "" {
			t.Errorf("error row has decoded columns")
		}
	}

	var q b64uri.Query
	err := q.Decode([]byte(r.query))
	var e *b64uri.Error
	if !errors.As(err, &e) {
		t.Fatalf("Decode(%q) = %v, want an *Error", r.query, err)
	}
	if !errors.Is(err, want.err) || e.Field != want.field || e.Value != want.value {
		t.Errorf("error %v (%s, field %s, value %d); want %v, field %s, value %d", err, e.Err, e.Field, e.Value, want.err, want.field, want.value)
	}
	if want.remaining != -2 && e.Remaining != want.remaining {
		t.Errorf("remaining %d, want %d", e.Remaining, want.remaining)
	}
	if want.tag >= 0 && int(e.Tag) != want.tag {
		t.Errorf("tag %d, want %d", e.Tag, want.tag)
	}
	if !strings.Contains(err.Error(), msg) {
		t.Errorf("message %q does not say %q", err, msg)
	}

	// Where: a character offset at the offending character, or a byte
	// offset inside the decoded bytes that points at the field.
	if want.field == b64uri.FieldText {
		if !e.InText || e.Offset != strings.IndexByte(r.query, byte(want.value)) {
			t.Errorf("offset %d (in text %v), want the first %q at %d", e.Offset, e.InText, rune(want.value), strings.IndexByte(r.query, byte(want.value)))
		}
		return
	}
	raw, derr := base64.StdEncoding.DecodeString(padded(r.query))
	if derr != nil {
		t.Fatalf("encoding/base64: %v", derr)
	}
	if e.InText || e.Offset < 0 || e.Offset > len(raw) {
		t.Fatalf("offset %d outside the %d decoded bytes", e.Offset, len(raw))
	}
	var wantOffset int
	switch want.field {
	case b64uri.FieldFixed:
		wantOffset = 0
	case b64uri.FieldCommand:
		wantOffset = 1
	case b64uri.FieldDeviceIDLength:
		wantOffset = 4
	case b64uri.FieldPolicyKeyLength:
		wantOffset = 5 + int(raw[4])
	case b64uri.FieldDeviceTypeLength:
		wantOffset = len(raw) // the byte that is missing
	case b64uri.FieldParamLength:
		wantOffset = len(raw) - 1 // trailing tag, or the length byte before the last value byte(s)
		if want.remaining > 0 {
			wantOffset = len(raw) - want.remaining - 1
		}
	}
	if e.Offset != wantOffset {
		t.Errorf("offset %d, want %d", e.Offset, wantOffset)
	}
	if want.field != b64uri.FieldFixed && want.field != b64uri.FieldDeviceTypeLength && int(raw[e.Offset]) != want.value && want.field != b64uri.FieldCommand {
		if !(want.field == b64uri.FieldParamLength && int(raw[e.Offset]) == want.tag) {
			t.Errorf("byte at offset %d is %d, not the reported value %d", e.Offset, raw[e.Offset], want.value)
		}
	}
}

// plainView is what the plain form carries of a query: everything but the
// locale, unknown parameters and unknown Options bits, with parameters in
// canonical order (User first, Options last).
type plainQuery struct {
	Version    version.Version
	Command    b64uri.Command
	DeviceID   string
	PolicyKey  uint32
	HasKey     bool
	DeviceType string
	Params     []string
}

func plainView(q *b64uri.Query) plainQuery {
	v := plainQuery{Version: q.Version, Command: q.Command, DeviceID: string(q.DeviceID),
		PolicyKey: q.PolicyKey, HasKey: q.HasPolicyKey, DeviceType: string(q.DeviceType)}
	var users, others, options []string
	for _, p := range q.Params {
		switch {
		case p.Tag == b64uri.ParamUser:
			users = append(users, "User="+string(p.Value))
		case p.Tag == b64uri.ParamOptions:
			if len(options) == 0 {
				// The plain form has SaveInSent=T, SaveInSent=F (no bits
				// at all) and MS-ASAcceptMultiPart: T; other bits are lost.
				raw, _ := q.Options()
				if f := raw & (b64uri.SaveInSent | b64uri.AcceptMultiPart); f != 0 || raw == 0 {
					options = append(options, "Options="+f.String())
				}
			}
		case p.Tag.Known():
			others = append(others, p.Tag.String()+"="+string(p.Value))
		}
	}
	v.Params = slices.Concat(users, others, options)
	return v
}

func padded(s string) string {
	for len(s)%4 != 0 {
		s += "="
	}
	return s
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}
