package main

import (
	"errors"
	"fmt"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/internal/cli"
	"github.com/easkit/easkit/version"
)

// validate checks msg, a WBXML message just made, against the command
// schemas (-validate): with the version of -protocol, else the newest;
// as a request or a response when kind (a capture message's kind) says
// which. Each problem is a note on w; under -strict a problem is the
// error, and the message is not written.
func validate(o *options, msg []byte, kind, w string, notes *cli.NoteWriter) error {
	if !o.validate {
		return nil
	}
	v := o.proto
	if v == 0 {
		v = version.Known[len(version.Known)-1]
	}
	opts := []eas.Option{eas.WithVersion(v), eas.WithStrict(o.strict)}
	switch kind {
	case "request":
		opts = append(opts, eas.AsRequest())
	case "response":
		opts = append(opts, eas.AsResponse())
	}
	err := eas.Validate(msg, opts...)
	var ve *eas.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	what := ve.Message + " in " + v.String()
	for _, p := range ve.Problems {
		notes.Note(w, "schema ("+what+"): "+p.String())
	}
	if ve.More > 0 {
		notes.Note(w, fmt.Sprintf("schema (%s): … and %d more problems", what, ve.More))
	}
	if o.strict {
		err := fmt.Errorf("not a valid %s in protocol %s (-validate -strict): %d problems, nothing written", ve.Message, v, len(ve.Problems)+ve.More)
		if w != "" {
			err = fmt.Errorf("%s: %w", w, err)
		}
		return err
	}
	return nil
}
