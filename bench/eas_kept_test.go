package bench_test

import (
	"strconv"
	"testing"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
)

// BenchmarkUnmarshalManyKept reads an ApplicationData of 10,000 and of
// 80,000 empty children into an `any` field and into a `names` field:
// with b.SetBytes the MB/s of the two sizes compare, and are about the
// same when the time is linear in the number of children (it was
// quadratic: each child was numbered among the kept ones before it).
func BenchmarkUnmarshalManyKept(b *testing.B) {
	type kept struct {
		XMLName eas.Name       `eas:"AirSync:ApplicationData"`
		Any     []*eas.Element `eas:",any"`
	}
	type names struct {
		XMLName eas.Name        `eas:"AirSync:ApplicationData"`
		Names   []codepages.Tag `eas:",names"`
	}
	for _, n := range []int{10000, 80000} {
		var bl eas.Builder
		bl.Start(codepages.AirSyncApplicationData)
		for range n {
			bl.Empty(codepages.EmailRead)
		}
		bl.End()
		data, err := bl.Finish()
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range []struct {
			name string
			v    func() any
		}{{"any", func() any { return new(kept) }}, {"names", func() any { return new(names) }}} {
			b.Run(c.name+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if err := eas.Unmarshal(data, c.v()); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
