package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
)

// Samples returns the messages that tests run every check over: the
// standard messages but the 10 MB one (which adds time, not coverage),
// then the interop samples, the *.wbxml files of interopDir
// (testdata/interop/wbxml, relative to the calling test's directory) in
// name order, named by their file names. It fails when interopDir holds
// none: the interop samples belong to the repository, and a test that
// found none would check nothing.
func Samples(interopDir string) ([]Message, error) {
	var ms []Message
	for _, m := range standard {
		if m.Name != "SyncEmail10MB" {
			ms = append(ms, m)
		}
	}
	files, err := filepath.Glob(filepath.Join(interopDir, "*.wbxml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("corpus: no interop samples in " + interopDir)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Message{Name: filepath.Base(f), Build: func() []byte { return bytes.Clone(data) }})
	}
	return ms, nil
}
