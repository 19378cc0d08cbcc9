package main

import (
	"fmt"
	"strconv"
	"strings"
)

// tables renders the README's summary tables in Markdown: every benchmark
// with its median time, throughput and allocations, then throughput by
// message size for each operation.
func tables(r *results) []byte {
	var b strings.Builder
	b.WriteString("| benchmark | time/op | MB/s | allocs/op |\n| --- | ---: | ---: | ---: |\n")
	for _, name := range r.order {
		op, msg, _ := strings.Cut(name, "/")
		allocs := "—"
		if a := r.allocs[op][msg]; a >= 0 {
			allocs = strconv.FormatFloat(a, 'f', -1, 64)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name, duration(r.nsop[op][msg]), mbps(r.mbps[op][msg]), allocs)
	}
	b.WriteString("\n| MB/s | ")
	for i, s := range sizeSeries {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(s.label)
	}
	b.WriteString(" |\n| --- |" + strings.Repeat(" ---: |", len(sizeSeries)) + "\n")
	for _, o := range ops {
		fmt.Fprintf(&b, "| %s |", o.name)
		for _, s := range sizeSeries {
			if v, ok := r.mbps[o.name][s.name]; ok {
				fmt.Fprintf(&b, " %s |", mbps(v))
			} else {
				b.WriteString(" — |")
			}
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// duration formats nanoseconds with three significant digits.
func duration(ns float64) string {
	switch {
	case ns >= 1e9:
		return sig3(ns/1e9) + " s"
	case ns >= 1e6:
		return sig3(ns/1e6) + " ms"
	case ns >= 1e3:
		return sig3(ns/1e3) + " µs"
	}
	return sig3(ns) + " ns"
}

// mbps formats a throughput: whole numbers from 100 up, three significant
// digits below.
func mbps(v float64) string {
	if v >= 100 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return sig3(v)
}

func sig3(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
