//go:build linux

package hostile

import (
	"io"
	"os"
	"strings"
	"testing"
)

// TestEndlessInput pipes endless standard input into every command: each
// stops one byte past its input limit, the default one and a lower one,
// and says so on one line.
func TestEndlessInput(t *testing.T) {
	for _, tt := range []struct {
		bin     string
		args    []string
		pattern string
	}{
		{"wbxml2xml", nil, "\x00"},
		{"xml2wbxml", nil, "\x00"},
		{"easquery", []string{"decode", "-"}, "\n"},
		{"easquery", []string{"encode", "-"}, "\n"},
	} {
		for _, limit := range []string{"", "64M"} {
			args := tt.args
			want := "input larger than 256 MiB (the -max-input limit; -max-input 0 for none)"
			if limit != "" {
				args = append([]string{"-max-input", limit}, args...)
				if tt.bin == "easquery" { // the flag follows the subcommand
					args = []string{tt.args[0], "-max-input", limit, "-"}
				}
				want = "input larger than 64 MiB"
			}
			r := run(t, tt.bin, &endless{pattern: []byte(tt.pattern)}, args...)
			if r.exit != 1 || !strings.HasPrefix(r.stderr, tt.bin+": "+want) {
				t.Errorf("%s %q on endless input: exit %d, %q; want 1 and %q", tt.bin, args, r.exit, r.stderr, want)
			}
		}
	}
}

// TestEndlessLine pipes a line that never ends into easquery, which reads
// standard input line by line: it stops at 1 MiB.
func TestEndlessLine(t *testing.T) {
	for _, sub := range []string{"decode", "encode"} {
		r := run(t, "easquery", &endless{pattern: []byte("A")}, sub, "-")
		if r.exit != 1 || !strings.Contains(r.stderr, "a line is longer than 1 MiB") {
			t.Errorf("easquery %s: exit %d, %q", sub, r.exit, r.stderr)
		}
	}
}

// TestGenerated runs the commands on generated inputs of increasing size:
// the peak memory stays under the same ceiling, and the exit status is
// what the input deserves.
func TestGenerated(t *testing.T) {
	for _, tt := range []struct {
		name string
		bin  string
		args []string
		gen  func(int) io.Reader
		exit int
		msg  string // in standard error
		most int    // the largest size to run, when not all
	}{
		{"deep WBXML", "wbxml2xml", nil, deepWBXML, 1, "nested deeper than the limit", 0},
		// Legitimate but huge output: the indentation of a million
		// levels is quadratic in the input, and stops at the
		// amplification limit, having streamed 100 times the input.
		{"deep WBXML indented 64", "wbxml2xml", []string{"-i", "64", "-max-depth", "1048576", "-max-amplification", "100"},
			deepWBXML, 1, "grew past 100 times the size of the WBXML", 4 << 20},
		{"flat WBXML", "wbxml2xml", []string{"-o", "/dev/null"}, flatWBXML, 0, "", 0},
		// About 16 bytes of XML a byte of input, streamed to a pipe.
		{"flat WBXML to stdout", "wbxml2xml", nil, flatWBXML, 0, "", 0},
		{"one HTTP message with a flat body", "wbxml2xml", nil, httpFlatBody, 0, "", 0},
		{"many HTTP messages", "wbxml2xml", nil, httpMessages, 0, "", 0},
		{"deep XML", "xml2wbxml", nil, deepXML, 1, "nested deeper than 256", 0},
		{"flat XML", "xml2wbxml", nil, flatXML, 0, "", 0},
		{"many queries", "easquery", []string{"decode", "-"}, queries, 0, "", 0},
		{"many plain queries", "easquery", []string{"encode", "-"}, plainQueries, 0, "", 0},
	} {
		for _, n := range sizes() {
			if tt.most != 0 && n > tt.most {
				continue
			}
			t.Run(tt.name+"/"+mib(n), func(t *testing.T) {
				r := run(t, tt.bin, tt.gen(n), tt.args...)
				if r.exit != tt.exit || !strings.Contains(r.stderr, tt.msg) {
					t.Errorf("exit %d, %q; want %d and %q", r.exit, firstLines(r.stderr, 2), tt.exit, tt.msg)
				}
			})
		}
	}
}

// TestCommitted runs wbxml2xml and xml2wbxml on the committed hostile
// inputs: huge declared lengths fail at once, on one line.
func TestCommitted(t *testing.T) {
	for _, tt := range []struct {
		bin, file string
		exit      int
		msg       string
	}{
		{"wbxml2xml", "opaque-4g.wbxml", 1, "OPAQUE length exceeds the rest of the input"},
		{"wbxml2xml", "strtbl-4g.wbxml", 1, "string table length exceeds the rest of the input"},
		{"wbxml2xml", "mbuint32-endless.wbxml", 1, "mb_u_int32 longer than 5 bytes"},
		// A body the capture ends in is kept as far as it goes, with a note:
		// the huge length allocates nothing.
		{"wbxml2xml", "content-length-huge.http", 0, "body truncated at offset 206: Content-Length 99999999999999, 6 bytes present"},
		{"wbxml2xml", "chunk-size-huge.http", 1, "chunk size too large"},
		{"wbxml2xml", "deep.xml", 1, "use xml2wbxml"},
		{"xml2wbxml", "deep.xml", 1, "nested deeper than 256"},
	} {
		t.Run(tt.bin+"/"+tt.file, func(t *testing.T) {
			f, err := os.Open(testdata(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			r := run(t, tt.bin, f)
			if r.exit != tt.exit || !strings.Contains(r.stderr, tt.msg) {
				t.Errorf("exit %d, %q; want %d and %q", r.exit, r.stderr, tt.exit, tt.msg)
			}
		})
	}
}

// TestNoMessage runs the commands on input that holds nothing to convert:
// empty and blank input, a HAR with no entries and an HTTP capture with no
// ActiveSync message all fail with exit status 1 and one line, never a
// silent exit 0.
func TestNoMessage(t *testing.T) {
	for _, tt := range []struct {
		bin   string
		args  []string
		stdin string
		exit  int
	}{
		{"wbxml2xml", nil, "", 1},
		{"wbxml2xml", nil, " \r\n\t\n", 1},
		{"xml2wbxml", nil, "", 1},
		{"xml2wbxml", nil, " \n", 1},
		{"easquery", []string{"decode", "-"}, "", 1},
		{"easquery", []string{"decode", "-"}, " \n\n", 1},
		{"easquery", []string{"encode", "-"}, "", 1},
		{"easquery", []string{"encode", "-"}, "# nothing\n", 1},
	} {
		r := run(t, tt.bin, strings.NewReader(tt.stdin), tt.args...)
		if r.exit != tt.exit || r.stderr == "" {
			t.Errorf("%s %q on %q: exit %d, %q; want %d and a line", tt.bin, tt.args, tt.stdin, r.exit, r.stderr, tt.exit)
		}
	}
	for _, file := range []string{"har-no-entries.har", "not-activesync.http"} {
		f, err := os.Open(testdata(file))
		if err != nil {
			t.Fatal(err)
		}
		r := run(t, "wbxml2xml", f)
		f.Close()
		if r.exit != 1 || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("wbxml2xml %s: exit %d, %q; want 1 and one line: nothing was converted", file, r.exit, r.stderr)
		}
	}
}
