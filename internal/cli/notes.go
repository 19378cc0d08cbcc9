package cli

import (
	"fmt"
	"io"

	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// MaxNotes is how many notes a run writes at most; the others are counted
// in a last line (see [NoteWriter]).
const MaxNotes = 100

// A NoteWriter writes the notes of a run to standard error as they come,
// one line each ("wbxml2xml: note: text"), so that none is held in memory:
// the first max of them, then only counted. Close writes the count of the
// others, "wbxml2xml: note: 12345 more notes". Its cost is linear in the
// notes written, whatever their number.
type NoteWriter struct {
	w       io.Writer
	name    string
	max     int
	written int
	more    int
}

// NewNoteWriter returns a NoteWriter writing to w the notes of command
// name, at most max of them.
func NewNoteWriter(w io.Writer, name string, max int) *NoteWriter {
	return &NoteWriter{w: w, name: name, max: max}
}

// Note writes one note; where, when not empty, names the message it is
// about.
func (n *NoteWriter) Note(where, text string) {
	if n.written >= n.max {
		n.more++
		return
	}
	n.written++
	if where != "" {
		text = where + ": " + text
	}
	fmt.Fprintf(n.w, "%s: note: %s\n", n.name, OneLine(text))
}

// Warnings writes the warnings of one conversion as notes (see [Notes]
// for proto, where and err), counting those the conversion only counted.
func (n *NoteWriter) Warnings(ws *wbxml.Warnings, proto version.Version, where string, err error) {
	if ws == nil || ws.Count == 0 {
		return
	}
	for i := range ws.List {
		w := &ws.List[i]
		if duplicates(w, err) {
			continue
		}
		if n.written >= n.max {
			n.more++
			continue
		}
		n.Note(where, WarningText(w, proto))
	}
	n.more += ws.Count - len(ws.List)
}

// Count returns the number of notes so far, written or not.
func (n *NoteWriter) Count() int { return n.written + n.more }

// Close writes the line counting the notes past the first max, if there
// were any.
func (n *NoteWriter) Close() {
	if n.more > 0 {
		fmt.Fprintf(n.w, "%s: note: %d more notes\n", n.name, n.more)
		n.more = 0
	}
}
