package fuzz

import (
	"bufio"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/easkit/easkit/internal/corpus"
	"github.com/easkit/easkit/wbxml"
	"golang.org/x/tools/txtar"
)

var updateSeeds = flag.Bool("update-seeds", false, "rewrite the seed corpora in testdata/fuzz from the repository's samples")

// maxSeed bounds the size of a seed: larger samples slow every fuzzing
// step down (minimizing an interesting 30 KB input takes the fuzzer a
// minute) and add no coverage that small ones lack.
const maxSeed = 16 << 10

// A sample is one input from the repository, named after its file.
type sample struct {
	name string
	data []byte
}

// samples reads the files matching pattern (relative to the module root),
// skipping those larger than maxSeed.
func samples(t *testing.T, prefix, pattern string) []sample {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", pattern))
	if err != nil {
		t.Fatal(err)
	}
	var out []sample
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) == 0 || len(data) > maxSeed {
			continue
		}
		out = append(out, sample{prefix + seedName(filepath.Base(file)), data})
	}
	return out
}

// goldenSections returns the named sections of the CLI golden archives:
// stdin and stdout as they are, stdout-hex decoded.
func goldenSections(t *testing.T, cmd, section string) []sample {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "cmd", cmd, "testdata", "golden", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var out []sample
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if f.Name != section {
				continue
			}
			data := f.Data
			if strings.HasSuffix(section, "-hex") {
				if data, err = hex.DecodeString(strings.Join(strings.Fields(string(data)), "")); err != nil {
					t.Fatalf("%s: %s: %v", file, section, err)
				}
			}
			if len(data) > 0 && len(data) <= maxSeed {
				name := "golden-" + cmd + "-" + strings.TrimSuffix(filepath.Base(file), ".txtar") + "-" + section
				out = append(out, sample{seedName(name), data})
			}
		}
	}
	return out
}

// seedName turns a file name into a corpus file name.
func seedName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' {
			return r
		}
		return '-'
	}, s)
}

// wbxmlSamples are every WBXML input the repository holds: the interop
// samples (valid and bad), the capture samples, the WBXML that the
// xml2wbxml goldens expect, and the small corpus messages.
func wbxmlSamples(t *testing.T) []sample {
	s := samples(t, "interop-", "testdata/interop/wbxml/*.wbxml")
	s = append(s, samples(t, "interop-bad-", "testdata/interop/wbxml/bad/*.wbxml")...)
	s = append(s, samples(t, "capture-", "capture/testdata/wbxml/*")...)
	s = append(s, goldenSections(t, "xml2wbxml", "stdout-hex")...)
	for _, m := range corpus.Standard() {
		if b := m.Build(); len(b) <= maxSeed {
			s = append(s, sample{"corpus-" + m.Name, b})
		}
	}
	return s
}

// xmlSamples are every XML document the repository holds: the interop
// samples' expected XML, the XML the wbxml2xml goldens expect, the input
// of the xml2wbxml goldens, and the small corpus messages as XML in the
// default and the prefixed style.
func xmlSamples(t *testing.T) []sample {
	s := samples(t, "interop-", "testdata/interop/wbxml/*.xml")
	s = append(s, goldenSections(t, "wbxml2xml", "stdout")...)
	s = append(s, goldenSections(t, "xml2wbxml", "stdin")...)
	for _, m := range corpus.Standard() {
		b := m.Build()
		if len(b) > maxSeed/2 {
			continue
		}
		for i, style := range []byte{0, 0x0D} {
			x, err := wbxml.AppendXML(nil, b, styleOf(style).options()...)
			if err != nil {
				t.Fatal(err)
			}
			s = append(s, sample{"corpus-" + m.Name + "-" + strconv.Itoa(i), x})
		}
	}
	return s
}

// captureSamples are every capture the repository holds (every form), the
// inputs of the wbxml2xml goldens, and base64 queries in HTTP requests.
func captureSamples(t *testing.T) []sample {
	var s []sample
	for _, dir := range []string{"wbxml", "hex", "base64", "http", "har", "saz", "burp"} {
		s = append(s, samples(t, "capture-"+dir+"-", "capture/testdata/"+dir+"/*")...)
	}
	return append(s, goldenSections(t, "wbxml2xml", "stdin")...)
}

// querySamples are the base64 queries of b64uri's cases, valid or not,
// and the plain forms they list.
func querySamples(t *testing.T) (text, plain []sample) {
	f, err := os.Open(filepath.Join("..", "b64uri", "testdata", "cases.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 || line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		name := "cases-line" + strconv.Itoa(n)
		text = append(text, sample{name, []byte(cols[0])})
		if len(cols) > 10 && cols[10] != "" {
			p, _, _ := strings.Cut(cols[10], " (+ ")
			plain = append(plain, sample{name + "-plain", []byte(p)})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return text, plain
}

// seedPrograms are inputs for FuzzScanGenerated that reach every
// construct of the generator.
var seedPrograms = map[string][]byte{
	"gen-all-constructs": {15, 0, 0x0F, 1, 3, 0x21, 1, 3, 4, 2, 5, 6, 7, 1, 0x0D, 8, 3, 1, 2, 3, 4, 5, 0, 0x1A, 2, 7, 3, 9, 9, 2, 2},
	"gen-undeclare":      {0, 0, 0x01, 0x02, 0, 0x04, 0x05, 1, 3, 0, 0x02, 0x00, 2, 3, 7, 0, 0x04, 2, 2},
	"gen-deep":           {3, 0, 0, 0, 0x05, 1, 0, 0x05, 3, 0, 0x06, 1, 2, 0, 0x0E, 1, 1, 3, 3, 1, 2, 3, 3, 2, 1, 1, 1},
	"gen-attributes":     {1, 0, 0x1C, 1, 1, 4, 5, 0, 3, 2, 1, 6, 0, 1, 0x3D, 1, 7, 1, 3, 2, 1, 0, 9, 2, 2, 2, 1},
}

// seedFile is the text of a corpus file holding values.
func seedFile(values ...any) string {
	var b strings.Builder
	b.WriteString("go test fuzz v1\n")
	for _, v := range values {
		switch v := v.(type) {
		case []byte:
			fmt.Fprintf(&b, "[]byte(%s)\n", strconv.Quote(string(v)))
		case byte:
			fmt.Fprintf(&b, "byte('\\x%02x')\n", v)
		default:
			panic(fmt.Sprintf("seedFile: %T", v))
		}
	}
	return b.String()
}

// seedCorpora returns, per target, the seed files to commit.
func seedCorpora(t *testing.T) map[string]map[string]string {
	c := map[string]map[string]string{}
	add := func(target, name string, values ...any) {
		if c[target] == nil {
			c[target] = map[string]string{}
		}
		c[target][name] = seedFile(values...)
	}
	for i, s := range wbxmlSamples(t) {
		add("FuzzDecodeReference", s.name, s.data, byte(0))
		add("FuzzDecodeReference", s.name+"-strict", s.data, byte(3))
		add("FuzzWBXMLRoundTrip", s.name, s.data, byte(i*37%128))
		add("FuzzScanWriterXML", s.name, s.data, byte(i*53%64))
		add("FuzzCapture", s.name, s.data, byte(0))
	}
	for i, s := range xmlSamples(t) {
		add("FuzzXMLRoundTrip", s.name, s.data, byte(i*41%256))
		add("FuzzScanGenerated", s.name, s.data)
	}
	for name, p := range seedPrograms {
		add("FuzzScanGenerated", name, p)
	}
	for i, s := range captureSamples(t) {
		add("FuzzCapture", s.name, s.data, byte(0))
		add("FuzzCapture", s.name+"-forced", s.data, byte(1+i%6))
	}
	text, plain := querySamples(t)
	for _, s := range text {
		add("FuzzB64URI", s.name, s.data, byte(0))
		add("FuzzB64URI", s.name+"-lenient", s.data, byte(2))
	}
	for i, s := range plain {
		add("FuzzB64URI", s.name, s.data, byte(4|i%4<<3))
	}
	return c
}

// TestSeedCorpus checks that testdata/fuzz holds a seed for every sample
// of the repository, up to date, and rewrites them with -update-seeds.
// Other files there (inputs that fuzzing found, crashers kept as
// regression inputs) are left alone.
func TestSeedCorpus(t *testing.T) {
	corpora := seedCorpora(t)
	targets := make([]string, 0, len(corpora))
	for target := range corpora {
		targets = append(targets, target)
	}
	sort.Strings(targets)
	for _, target := range targets {
		dir := filepath.Join("testdata", "fuzz", target)
		if *updateSeeds {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		missing := 0
		for name, want := range corpora[target] {
			path := filepath.Join(dir, name)
			if *updateSeeds {
				if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if got, err := os.ReadFile(path); err != nil || string(got) != want {
				missing++
			}
		}
		if missing > 0 {
			t.Errorf("%s: %d of %d seeds missing or stale: run go test ./fuzz -run TestSeedCorpus -update-seeds",
				target, missing, len(corpora[target]))
		}
	}
	// Every Fuzz target of the package has seeds.
	for _, target := range []string{"FuzzWBXMLRoundTrip", "FuzzXMLRoundTrip", "FuzzDecodeReference",
		"FuzzScanWriterXML", "FuzzScanGenerated", "FuzzB64URI", "FuzzCapture"} {
		if len(corpora[target]) < 4 {
			t.Errorf("%s has %d seeds", target, len(corpora[target]))
		}
	}
}
