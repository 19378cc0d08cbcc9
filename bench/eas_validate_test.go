package bench_test

import (
	"testing"

	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/wbxml"
)

// validateMessages are the valid corpus messages the schema validation
// benchmarks run over (the corpus Provision carries a token no schema
// has, so it is left out).
var validateMessages = []string{"FolderSync", "SyncCalendar", "SyncEmail64KB", "SyncEmail1MB", "ItemOperationsFetch"}

// BenchmarkValidate checks each message against the command schemas
// (eas.Validate) beside a plain decode of the same bytes with the
// ActiveSync vocabulary (the cost BenchmarkDecode measures), so that the
// ratio of the two comes from one run.
func BenchmarkValidate(b *testing.B) {
	for _, name := range validateMessages {
		m := lookup(b, name)
		if err := eas.Validate(m.wbxml); err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		b.Run("Decode/"+name, func(b *testing.B) {
			d := wbxml.NewDecoder(m.wbxml, vocab...)
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				d.Reset(m.wbxml)
				if err := decodeAll(d); err != nil {
					b.Fatal(err)
				}
			}
			reportPerToken(b, m)
		})
		b.Run("Validate/"+name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(m.wbxml)))
			for b.Loop() {
				if err := eas.Validate(m.wbxml); err != nil {
					b.Fatal(err)
				}
			}
			reportPerToken(b, m)
		})
	}
}
