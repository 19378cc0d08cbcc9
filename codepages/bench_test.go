package codepages_test

import (
	"testing"

	"github.com/easkit/easkit/codepages"
)

func BenchmarkLookup(b *testing.B) {
	cases := []struct{ name, ns, local string }{
		{"Short", "AirSync:", "Sync"},
		{"Long", "Provision:", "AllowUnsignedInstallationPackages"},
		{"Alias", "Calendar:", "Attendee_Email"},
		{"Miss", "Email:", "NoSuchElement"},
	}
	for _, c := range cases {
		ns, local := []byte(c.ns), []byte(c.local)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(ns) + len(local)))
			for b.Loop() {
				codepages.LookupBytes(ns, local)
			}
		})
	}
}

func BenchmarkName(b *testing.B) {
	tags := codepages.Tags(2)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = tags[i%len(tags)].Name()
		i++
	}
}
