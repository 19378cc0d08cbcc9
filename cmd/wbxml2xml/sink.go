package main

import (
	"bufio"
	"io"
)

// Sizes of the output's buffers: memory stays within them whatever the
// size of the output.
const (
	// bufferSize is the buffer in front of the destination, so that the
	// XML goes out in large writes.
	bufferSize = 64 << 10
	// holdSize is how much of one message's XML is held back until the
	// message has converted, so that a message that fails leaves nothing
	// behind. A larger message goes out as it converts.
	holdSize = 1 << 20
)

// A sink is where the XML goes: a destination (standard output, a pipe, a
// file) behind a buffer of bufferSize. Between hold and keep or drop, the
// XML of one message is held back while it is under holdSize.
type sink struct {
	w       *bufio.Writer
	held    []byte
	holding bool // between hold and keep or drop
	spilled bool // what is held outgrew holdSize and went out
	last    byte // the last byte written, '\n' at the start
	before  byte // last when hold was called
	// direct is set for a destination that is thrown away when a
	// message fails (a file, renamed into place only when all went
	// well): nothing need be held back, and nothing is copied.
	direct bool
}

// newSink returns a sink writing to w.
func newSink(w io.Writer) *sink {
	return &sink{w: bufio.NewWriterSize(w, bufferSize), last: '\n'}
}

// Write writes p, holding it back between hold and keep or drop.
func (s *sink) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	s.last = p[len(p)-1]
	if s.holding && !s.spilled {
		if len(s.held)+len(p) <= holdSize {
			s.held = append(s.held, p...)
			return len(p), nil
		}
		s.spilled = true
		if _, err := s.w.Write(s.held); err != nil {
			return 0, err
		}
		s.held = s.held[:0]
	}
	return s.w.Write(p)
}

// WriteString writes str as Write does.
func (s *sink) WriteString(str string) (int, error) {
	return s.Write([]byte(str))
}

// newline ends the line, unless the last byte written ended one.
func (s *sink) newline() error {
	if s.last == '\n' {
		return nil
	}
	_, err := s.Write([]byte{'\n'})
	return err
}

// hold starts holding back a message's XML; size is the message's WBXML
// size, from which the held buffer is made once as large as the message
// can need (up to holdSize), instead of growing by copies as it fills.
func (s *sink) hold(size int) {
	if s.direct {
		s.before = s.last
		return
	}
	s.holding, s.spilled = true, false
	s.held = s.held[:0]
	if want := min(holdSize, 2*size+4<<10); cap(s.held) < want {
		s.held = make([]byte, 0, want)
	}
	s.before = s.last
}

// keep ends a message that converted: what is held goes out.
func (s *sink) keep() error {
	s.holding = false
	_, err := s.w.Write(s.held)
	s.held = s.held[:0]
	return err
}

// drop ends a message that failed: what is held is thrown away. It
// reports whether some of the message's XML went out all the same,
// because it outgrew holdSize.
func (s *sink) drop() (spilled bool) {
	if s.direct {
		return true // it went out, to a destination that is thrown away
	}
	s.holding = false
	s.held = s.held[:0]
	if !s.spilled {
		s.last = s.before
	}
	return s.spilled
}

// Flush writes what the buffer holds to the destination.
func (s *sink) Flush() error { return s.w.Flush() }

// reset makes the sink write to w, keeping its buffers.
func (s *sink) reset(w io.Writer) {
	s.w.Reset(w)
	s.holding, s.spilled, s.last = false, false, '\n'
	s.held = s.held[:0]
}
