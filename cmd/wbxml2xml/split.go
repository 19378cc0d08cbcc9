package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/easkit/easkit/capture"
	"github.com/easkit/easkit/internal/cli"
)

// splitName returns the name of the file of -split for the i'th message
// (from 0), m: "001-request.xml". A body of a log is named by the way it
// went when the log says so.
func splitName(i int, m *capture.Message) string {
	kind := m.Kind.String()
	if m.Kind == capture.KindBody && m.Direction != capture.DirectionUnknown {
		kind = m.Direction.String()
	}
	return fmt.Sprintf("%03d-%s.xml", i+1, kind)
}

// split writes each message of r, first the one already read, to a file
// of its own in the directory of -split (made when missing), an
// <easkit:message> document (see element). Each file is written whole or
// not at all; after an error, the files of the messages before it stay.
func (c *converter) split(r *capture.Reader, m *capture.Message) error {
	dir := c.o.split
	if err := os.Mkdir(dir, 0o777); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	for i := 0; ; i++ {
		if err := c.splitOne(filepath.Join(dir, splitName(i, m)), m, i); err != nil {
			return err
		}
		var err error
		m, err = r.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// splitOne writes the file of the i'th message, m.
func (c *converter) splitOne(path string, m *capture.Message, i int) error {
	f, err := cli.CreateOutput(path)
	if err != nil {
		return err
	}
	if c.out == nil {
		c.out = newSink(f)
	} else {
		c.out.reset(f)
	}
	c.out.direct = true // the file is aborted on error
	c.out.WriteString(c.o.declaration())
	err = c.element(m, i, true)
	if err == nil {
		err = c.out.Flush()
	}
	if err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}
