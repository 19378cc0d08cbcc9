package eas_test

import (
	"errors"
	"testing"

	"github.com/easkit/easkit/eas"
)

func TestValidateSamplesDump(t *testing.T) {
	for _, s := range samples(t) {
		err := eas.Validate(s.data)
		var ve *eas.ValidationError
		if errors.As(err, &ve) {
			t.Logf("%s: %v", s.name, err)
		}
	}
}
