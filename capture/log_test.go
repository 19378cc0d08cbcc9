package capture

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// logGot is what the log tests compare of a message.
type logGot struct {
	Line      int
	Body      string // sample name, "(none)" or "(other)"
	Direction Direction
	Marker    string
	Warning   string // "" or a part of the warning's text
}

func describeLog(m *Message, originals map[string][]byte) logGot {
	g := logGot{Line: m.Line, Direction: m.Direction, Marker: m.Marker, Body: "(other)"}
	if m.Body == nil {
		g.Body = "(none)"
	}
	for name, b := range originals {
		if m.Body != nil && string(b) == string(m.Body) {
			g.Body = name
		}
	}
	if m.Warning != nil {
		g.Warning = m.Warning.Error()
	}
	return g
}

func TestLogFiles(t *testing.T) {
	originals := samples(t)
	tests := []struct {
		file string
		want []logGot
	}{
		{"log/z-push.log", []logGot{
			{2, "eas-ping-req.wbxml", DirectionRequest, "WBXML-IN", ""},
			{13, "eas-ping-resp-status3.wbxml", DirectionResponse, "WBXML-OUT", ""},
			{15, "eas-foldersync-req-synckey0.wbxml", DirectionRequest, "WBXML 10K debug data", ""},
			{17, "(none)", DirectionResponse, "WBXML-OUT", `line 17:55: not decoded: WBXML-OUT is not followed by base64 ("more than 512K of data")`},
		}},
		{"log/tbsync.log", []logGot{
			{1, "eas-settings-req-deviceinfo.wbxml", DirectionRequest, "WBXML", ""},
			{6, "eas-settings-resp.wbxml", DirectionResponse, "WBXML", ""},
			{7, "eas-sync-req-getchanges.wbxml", DirectionRequest, "Sending", ""},
		}},
		{"log/generic.log", []logGot{
			{2, "eas-getitemestimate-req.wbxml", DirectionRequest, "request", ""},
			{3, "eas-sync-resp-initial.wbxml", DirectionResponse, "response", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := readTestdata(t, tt.file)
			if f := Detect(data); f != FormLog {
				t.Fatalf("Detect = %v, want log", f)
			}
			for _, opts := range [][]Option{nil, {WithForm(FormLog)}} {
				ms, err := ReadAll(data, opts...)
				if err != nil {
					t.Fatal(err)
				}
				var got []logGot
				for i, m := range ms {
					if m.Form != FormLog || m.Kind != KindBody || m.Index != i+1 {
						t.Errorf("message %d: form %v kind %v index %d", i, m.Form, m.Kind, m.Index)
					}
					if m.Warning != nil && !errors.Is(m.Warning, ErrLossy) {
						t.Errorf("warning %v does not wrap ErrLossy", m.Warning)
					}
					got = append(got, describeLog(m, originals))
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("messages (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// One case per way a log line can be damaged: each becomes a note, and the
// lines after it are still read.
func TestLogNotes(t *testing.T) {
	const good = "2024-03-21 10:00:00 [WBXML] [u] WBXML-IN : AwFqAAAHVlIDMAABAQ==\n"
	tests := []struct {
		name, line string
		cause      error
		text       string
	}{
		{"marker with nothing after it", "2024-03-21 10:00:00 [WBXML] [u] WBXML-OUT:", ErrTruncated, "line 1:33: not decoded: WBXML-OUT with no body after it"},
		{"bad base64 character", "2024-03-21 10:00:00 [WBXML] [u] WBXML-OUT: AwFqAA*HVlID", ErrSyntax, "line 1:50: not decoded: invalid base64 character '*'"},
		{"base64 cut inside a byte", "2024-03-21 10:00:00 [WBXML] [u] WBXML-IN : AwFqA", ErrTruncated, "ends inside a byte"},
		{"text after the padding", "2024-03-21 10:00:00 [WBXML] [u] WBXML-IN : AwFqAA==AwFq", ErrSyntax, ""},
		{"TbSync block never closed", "Sending [WBXML: 3 1 6a 0", ErrTruncated, "line 1:16: not decoded: [WBXML: block with no ']' after it"},
		{"TbSync block with a bad byte", "Sending [WBXML: 3 1 6a 0 0 7 zz]", ErrSyntax, `line 1:30: not decoded: expected a hex byte such as 6a, found "zz"`},
		{"TbSync line with a bad byte", "12:00:00 Sending 3 1 6a 0 0 7 56 52 3 3o 0 1 1", ErrSyntax, `found "3o"`},
		{"generic base64 of WBXML with a bad character", "12:00:00 DEBUG body AwFqAAAH!lIDMAABAQ==", ErrSyntax, "invalid base64 character '!'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.line + "\n" + good)
			// The note goes first so that a damaged first line does not
			// stop the reading of the good one.
			ms, err := ReadAll(data, WithForm(FormLog))
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) != 2 {
				t.Fatalf("%d messages, want a note and a message", len(ms))
			}
			n := ms[0]
			if n.Body != nil || n.Line != 1 || !errors.Is(n.Warning, ErrLossy) || !errors.Is(n.Warning, tt.cause) {
				t.Fatalf("note: body %q line %d warning %v", n.Body, n.Line, n.Warning)
			}
			if !strings.Contains(n.Warning.Error(), tt.text) {
				t.Errorf("warning %q, want it to contain %q", n.Warning, tt.text)
			}
			if ms[1].Line != 2 || !strings.HasPrefix(string(ms[1].Body), "\x03\x01\x6a") {
				t.Errorf("message after the note: line %d body % x", ms[1].Line, ms[1].Body)
			}
			if Detect(data) != FormLog {
				t.Errorf("Detect = %v, want log", Detect(data))
			}
		})
	}
}

func TestLogZPushCut(t *testing.T) {
	// Z-Push logs at most 4 KB of a request: a longer one is cut, and
	// the body says so.
	sample := samples(t)["libwbxml-search-resp-gal-picture.wbxml"]
	body := make([]byte, zpushInLimit)
	copy(body, sample)
	data := []byte("d t [1] [WBXML] [u] WBXML-IN : " + b64(string(body)) + "\n")
	ms, err := ReadAll(data)
	if err != nil || len(ms) != 1 {
		t.Fatalf("%d messages, %v", len(ms), err)
	}
	if !errors.Is(ms[0].Warning, ErrLossy) || !errors.Is(ms[0].Warning, ErrTruncated) || !strings.Contains(ms[0].Warning.Error(), "at most 4096 bytes") {
		t.Errorf("warning %v", ms[0].Warning)
	}
	if len(ms[0].Body) != zpushInLimit {
		t.Errorf("body of %d bytes", len(ms[0].Body))
	}
}

// Lines that are not messages are skipped, never taken for bodies.
func TestLogSkips(t *testing.T) {
	data := []byte(strings.Join([]string{
		"12:00:00 [WBXML] [u] I  <AirSync:Sync>",
		"12:00:00 [WBXML] [u] I   AwFqAAAHVlIDMAABAQ==",
		"12:00:00 [WBXML] [u] O  </AirSync:Sync>",
		"12:00:00 INFO logged in as deadbeefdeadbeef",
		"12:00:00 INFO sync key 0123456789abcdef0123",
		"12:00:00 INFO version 1 2 3 4 5",
		"12:00:00 DEBUG body AwFqAAAHVlIDMAABAQ==",
	}, "\n"))
	ms, err := ReadAll(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Line != 7 || ms[0].Warning != nil {
		for _, m := range ms {
			t.Logf("line %d: % x %v", m.Line, m.Body, m.Warning)
		}
		t.Fatalf("%d messages, want only line 7's", len(ms))
	}
}

func TestLogEmpty(t *testing.T) {
	_, err := ReadAll([]byte("12:00:00 INFO nothing here\n"), WithForm(FormLog))
	if !errors.Is(err, ErrEmpty) {
		t.Fatalf("error %v, want ErrEmpty", err)
	}
	if Detect([]byte("12:00:00 INFO nothing here\n")) != FormUnknown {
		t.Error("a log without messages detected as a form")
	}
	// Only lines that start like WBXML but do not decode: not a log.
	if f := Detect([]byte("12:00:00 DEBUG body AwFqAA!HVlID\n")); f != FormUnknown {
		t.Errorf("Detect = %v, want unknown", f)
	}
}
