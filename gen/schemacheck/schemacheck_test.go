// Package schemacheck checks gen/spec/ascmd-schema.tsv against the code page
// table gen/spec/aswbxml-codepages.tsv: every path step must name a tag of its
// page (by its spelling or an alias), and a row's since/until must lie inside
// the tag's versions. Malformed rows fail the test; tag disagreements are
// logged (go test -v) and listed in gen/spec/ascmd-schema.md.
package schemacheck

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

type tag struct {
	name, since, until string
	alias              bool
}

func readTSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	s := bufio.NewScanner(f)
	header := true
	for s.Scan() {
		line := s.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// version turns "14.1" into 1401 so versions compare as numbers.
func version(v string) (int, bool) {
	major, minor, ok := strings.Cut(v, ".")
	if !ok {
		return 0, false
	}
	a, err1 := strconv.Atoi(major)
	b, err2 := strconv.Atoi(minor)
	return a*100 + b, err1 == nil && err2 == nil
}

var contents = map[string]bool{
	"container": true, "empty": true, "text": true, "integer": true,
	"unsignedByte": true, "unsignedShort": true, "unsignedInt": true,
	"boolean01": true, "datetime": true, "compactdatetime": true,
	"base64": true, "opaque": true, "any": true,
	"unsignedByteOrEmpty": true, "unsignedIntOrEmpty": true,
	"appdata":   true, // the item-class union of asclass-schema.tsv
	"propnames": true, // the names of those class elements, as empty elements (Sync Supported)
	"mixed":     true, // text or elements (Search queryType)
}

// TestClassesAgainstCodePages: every row of the item-class table has its
// columns, a content kind a class element can have, and steps that name
// tags (not aliases) of their pages. (go run ./gen checks its versions.)
func TestClassesAgainstCodePages(t *testing.T) {
	pages := map[string]map[string]bool{}
	for _, r := range readTSV(t, "../spec/aswbxml-codepages.tsv") {
		if pages[r[1]] == nil {
			pages[r[1]] = map[string]bool{}
		}
		pages[r[1]][r[3]] = true
	}
	n := 0
	for _, r := range readTSV(t, "../spec/asclass-schema.tsv") {
		n++
		if len(r) != 9 {
			t.Errorf("class row has %d columns: %q", len(r), r)
			continue
		}
		if !contents[r[2]] || r[2] == "any" || r[2] == "appdata" || r[2] == "propnames" {
			t.Errorf("%s %s: content %q", r[0], r[1], r[2])
		}
		for _, step := range strings.Split(r[1], "/") {
			ns, name, _ := strings.Cut(step, ":")
			if !pages[ns][name] {
				t.Errorf("%s %s: %s names no tag of its page", r[0], r[1], step)
			}
		}
	}
	if n < 300 {
		t.Errorf("%d class rows", n)
	}
}

func TestSchemaAgainstCodePages(t *testing.T) {
	// page name -> local name -> tag facts
	pages := map[string]map[string]tag{}
	for _, r := range readTSV(t, "../spec/aswbxml-codepages.tsv") {
		if len(r) < 7 {
			t.Fatalf("code page row too short: %q", r)
		}
		ns, name, since, until := r[1], r[3], r[4], r[5]
		if pages[ns] == nil {
			pages[ns] = map[string]tag{}
		}
		pages[ns][name] = tag{name: name, since: since, until: until}
		for _, a := range strings.Split(r[6], ",") {
			if a != "" {
				if _, dup := pages[ns][a]; !dup {
					pages[ns][a] = tag{name: name, since: since, until: until, alias: true}
				}
			}
		}
	}
	seen := map[string]bool{}
	for _, r := range readTSV(t, "../spec/ascmd-schema.tsv") {
		if len(r) != 11 {
			t.Errorf("schema row has %d columns: %q", len(r), r)
			continue
		}
		msg, path, content, min, max, group, order := r[0], r[1], r[2], r[3], r[4], r[5], r[6]
		since, until := r[8], r[9]
		key := msg + "|" + path + "|" + group
		if seen[key] {
			t.Errorf("%s %s: duplicate row", msg, path)
		}
		seen[key] = true
		if !strings.HasSuffix(msg, " request") && !strings.HasSuffix(msg, " response") {
			t.Errorf("%s: message must end in request or response", msg)
		}
		if !contents[content] {
			t.Errorf("%s %s: unknown content %q", msg, path, content)
		}
		if _, err := strconv.Atoi(min); err != nil {
			t.Errorf("%s %s: min %q", msg, path, min)
		}
		if _, err := strconv.Atoi(max); err != nil && max != "*" {
			t.Errorf("%s %s: max %q", msg, path, max)
		}
		if _, err := strconv.Atoi(order); err != nil && order != "-" {
			t.Errorf("%s %s: order %q", msg, path, order)
		}
		rs, rsOK := version(since)
		ru, ruOK := version(until)
		if (since != "-" && !rsOK) || (until != "-" && !ruOK) {
			t.Errorf("%s %s: bad since/until %q/%q", msg, path, since, until)
		}
		for _, step := range strings.Split(path, "/") {
			ns, name, ok := strings.Cut(step, ":")
			if !ok {
				t.Errorf("%s %s: step %q has no namespace", msg, path, step)
				continue
			}
			page, ok := pages[ns]
			if !ok {
				t.Errorf("%s %s: unknown page %q", msg, path, ns)
				continue
			}
			tg, ok := page[name]
			switch {
			case !ok:
				t.Logf("MISMATCH unknown tag %s:%s (%s %s)", ns, name, msg, path)
				continue
			case tg.alias:
				t.Logf("MISMATCH %s:%s is an alias of %s (%s)", ns, name, tg.name, msg)
			}
			if step != path[strings.LastIndex(path, "/")+1:] {
				continue // versions are checked on the row's own element
			}
			ts, tsOK := version(tg.since)
			tu, tuOK := version(tg.until)
			if tg.since == "" && tg.until == "" {
				t.Logf("MISMATCH %s:%s is a historic token with no versions (%s %s)", ns, name, msg, path)
			}
			if rsOK && tsOK && rs < ts {
				t.Logf("MISMATCH %s:%s since %s in the schema, %s on the code page (%s)", ns, name, since, tg.since, msg)
			}
			if ruOK && tsOK && ru < ts {
				t.Logf("MISMATCH %s:%s until %s in the schema, before the tag exists (%s, %s)", ns, name, until, tg.since, msg)
			}
			if tuOK && rsOK && rs > tu {
				t.Logf("MISMATCH %s:%s since %s in the schema, tag gone after %s (%s)", ns, name, since, tg.until, msg)
			}
			if tuOK && (!ruOK || ru > tu) {
				t.Logf("MISMATCH %s:%s open-ended in the schema, code page ends it at %s (%s %s)", ns, name, tg.until, msg, path)
			}
		}
	}
}
