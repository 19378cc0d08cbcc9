package eas

import (
	"strconv"
	"strings"

	"github.com/easkit/easkit/codepages"
)

// Reporting: counting problems, and recording them with their paths.

// hit counts a problem and reports whether to record it (with its
// message and path): only when recording, and while under MaxProblems.
// Otherwise the pass stops.
func (v *validator) hit() bool {
	v.total++
	if !v.record {
		v.stop = true
		return false
	}
	return len(v.probs) < MaxProblems
}

// add records a problem at the element path of the first depth frames.
func (v *validator) add(kind ProblemKind, offset int64, depth int, msg string, err error) {
	v.probs = append(v.probs, Problem{Offset: offset, Path: v.path(depth), Kind: kind, Msg: msg, Err: err})
}

func (v *validator) path(depth int) string {
	var b strings.Builder
	for i := range min(depth, len(v.frames)) {
		f := &v.frames[i]
		if i > 0 {
			b.WriteByte('/')
		}
		var parent codepages.Tag
		if i > 0 {
			parent = v.frames[i-1].tag
		}
		writePathName(&b, f.tag, parent)
		if f.ord > 1 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(int(f.ord)))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// result returns the problems of the last recording pass.
func (v *validator) result() *ValidationError {
	e := &ValidationError{Problems: append([]Problem(nil), v.probs...)}
	if v.msg != 0 {
		e.Message = schemaMessages[v.msg-1].name
	}
	e.More = v.total - len(e.Problems)
	return e
}

// pathName is a tag's name in messages: "SyncKey", or "Page:Name" for
// tags the code pages do not define.
func pathName(t codepages.Tag) string {
	if n := t.Name(); n != "" {
		return n
	}
	return t.String()
}

func versionSpan(n *schemaNode) string {
	switch {
	case n.since != 0 && n.until != 0:
		return "only in " + n.since.String() + " to " + n.until.String()
	case n.since != 0:
		return "only from " + n.since.String()
	case n.until != 0:
		return "only up to " + n.until.String()
	}
	return "in every version"
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}
