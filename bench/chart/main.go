// Command chart draws bench/throughput.svg from the output of the
// benchmarks in bench/ (go test -bench, any -count): the median
// throughput of Decode, Encode, ToXML and FromXML on each corpus message.
// With -markdown it prints the README's summary tables instead: median
// MB/s, ns/op and allocs/op of every benchmark, and MB/s by message size.
//
// Usage:
//
//	go run ./bench/chart < bench/results.txt > bench/throughput.svg
//	go run ./bench/chart -markdown < bench/results.txt
//
// The chart has two panels: how throughput grows with message size on the
// Sync responses of 1 KB to 10 MB (one line per operation, with the
// throughput targets dashed), and the throughput of every operation on every
// message (bars on a logarithmic scale). The SVG is written by hand, with
// no dependency, and is the same for the same input.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	markdown := flag.Bool("markdown", false, "print the summary tables in Markdown instead of the SVG chart")
	flag.Parse()
	results, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "chart:", err)
		os.Exit(1)
	}
	if len(results.mbps) == 0 {
		fmt.Fprintln(os.Stderr, "chart: no Benchmark<Op>/<Message> lines with MB/s on standard input")
		os.Exit(1)
	}
	out := draw(results)
	if *markdown {
		out = tables(results)
	}
	if _, err := os.Stdout.Write(out); err != nil {
		fmt.Fprintln(os.Stderr, "chart:", err)
		os.Exit(1)
	}
}

// ops are the operations charted, in legend order, with their colours.
var ops = []struct{ name, color string }{
	{"Decode", "#1f77b4"},
	{"Encode", "#2ca02c"},
	{"ToXML", "#ff7f0e"},
	{"FromXML", "#d62728"},
}

// targets are the throughput targets in MB/s that bench/README.md measured
// against (docs/design.md states the current targets).
var targets = map[string]float64{"Decode": 1000, "ToXML": 500, "FromXML": 300}

// sizeSeries are the messages of the size panel, smallest first.
var sizeSeries = []struct{ name, label string }{
	{"SyncEmail1KB", "1 KB"}, {"SyncEmail64KB", "64 KB"}, {"SyncEmail1MB", "1 MB"}, {"SyncEmail10MB", "10 MB"},
}

// results are the medians per operation and message, and the messages
// and operations in the order they first appear.
type results struct {
	mbps     map[string]map[string]float64 // op → message → MB/s
	nsop     map[string]map[string]float64 // op → message → ns/op
	allocs   map[string]map[string]float64 // op → message → allocs/op (-1: not reported)
	messages []string                      // the messages of the charted operations
	order    []string                      // every "op/message", in input order
}

// benchLine matches "BenchmarkToXML/SyncEmail1MB-2  386  626674 ns/op
// 1673.50 MB/s  0 B/op  0 allocs/op", the last two being optional.
var benchLine = regexp.MustCompile(`^Benchmark(\w+)/(\w+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op\s+([\d.]+) MB/s(?:\s+[\d.]+ B/op\s+([\d.]+) allocs/op)?`)

// parse reads benchmark output and takes the median of each series.
func parse(r io.Reader) (*results, error) {
	samples := map[string]map[string][]float64{}
	nsSamples := map[string]map[string][]float64{}
	allocSamples := map[string]map[string][]float64{}
	var messages, order []string
	seen := map[string]bool{}
	seenPair := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		op, msg := m[1], m[2]
		ns, err := strconv.ParseFloat(m[3], 64)
		if err != nil {
			return nil, err
		}
		v, err := strconv.ParseFloat(m[4], 64)
		if err != nil {
			return nil, err
		}
		allocs := -1.0
		if m[5] != "" {
			if allocs, err = strconv.ParseFloat(m[5], 64); err != nil {
				return nil, err
			}
		}
		add(samples, op, msg, v)
		add(nsSamples, op, msg, ns)
		add(allocSamples, op, msg, allocs)
		if !seenPair[op+"/"+msg] {
			seenPair[op+"/"+msg] = true
			order = append(order, op+"/"+msg)
		}
		if !seen[msg] && isCharted(op) {
			seen[msg] = true
			messages = append(messages, msg)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return &results{
		mbps: medians(samples), nsop: medians(nsSamples), allocs: medians(allocSamples),
		messages: messages, order: order,
	}, nil
}

func add(m map[string]map[string][]float64, op, msg string, v float64) {
	if m[op] == nil {
		m[op] = map[string][]float64{}
	}
	m[op][msg] = append(m[op][msg], v)
}

func medians(samples map[string]map[string][]float64) map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	for op, byMsg := range samples {
		out[op] = map[string]float64{}
		for msg, vs := range byMsg {
			out[op][msg] = median(vs)
		}
	}
	return out
}

func isCharted(op string) bool {
	for _, o := range ops {
		if o.name == op {
			return true
		}
	}
	return false
}

func median(vs []float64) float64 {
	s := append([]float64(nil), vs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Layout, in SVG user units.
const (
	width    = 1000
	left     = 150 // room for the message names
	plotW    = 600
	panel1Y  = 60
	panel1H  = 260
	panel2Y  = 420
	barH     = 7
	groupGap = 10
)

// svg accumulates the document.
type svg struct{ b strings.Builder }

func (s *svg) printf(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

// text writes an escaped text element.
func (s *svg) text(x, y float64, anchor, class, t string) {
	s.printf(`<text x="%.1f" y="%.1f" text-anchor="%s" class="%s">%s</text>`+"\n", x, y, anchor, class, escape(t))
}

func escape(t string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(t)
}

// draw renders both panels.
func draw(r *results) []byte {
	nMsg := len(r.messages)
	panel2H := nMsg*(len(ops)*barH+groupGap) + 10
	height := panel2Y + panel2H + 70
	s := &svg{}
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif">`+"\n",
		width, height, width, height)
	s.printf(`<style>.t{font-size:16px;font-weight:bold}.l{font-size:12px}.s{font-size:11px;fill:#555}.g{stroke:#ddd}.a{stroke:#333}</style>` + "\n")
	s.printf(`<rect width="%d" height="%d" fill="white"/>`+"\n", width, height)
	sizePanel(s, r)
	messagePanel(s, r, panel2H)
	legend(s, float64(left+plotW+20), panel1Y+10)
	s.printf("</svg>\n")
	return []byte(s.b.String())
}

// sizePanel draws throughput against message size for the SyncEmail series.
func sizePanel(s *svg, r *results) {
	s.text(left, panel1Y-30, "start", "t", "Throughput by message size (Sync responses with e-mails), MB/s of input")
	top := 0.0
	for _, o := range ops {
		for _, m := range sizeSeries {
			top = max(top, r.mbps[o.name][m.name])
		}
		top = max(top, targets[o.name])
	}
	top = niceCeil(top)
	y := func(v float64) float64 { return panel1Y + panel1H - v/top*panel1H }
	x := func(i int) float64 { return left + 40 + float64(i)*float64(plotW-80)/float64(len(sizeSeries)-1) }
	for _, t := range ticks(top) {
		s.printf(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" class="g"/>`+"\n", left, y(t), left+plotW, y(t))
		s.text(left-6, y(t)+4, "end", "s", strconv.FormatFloat(t, 'f', -1, 64))
	}
	s.printf(`<line x1="%d" y1="%d" x2="%d" y2="%d" class="a"/>`+"\n", left, panel1Y+panel1H, left+plotW, panel1Y+panel1H)
	for i, m := range sizeSeries {
		s.text(x(i), panel1Y+panel1H+18, "middle", "l", m.label)
	}
	for _, o := range ops {
		if t, ok := targets[o.name]; ok {
			s.printf(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-dasharray="6 4" stroke-width="1"/>`+"\n",
				left, y(t), left+plotW, y(t), o.color)
		}
		var pts []string
		for i, m := range sizeSeries {
			v, ok := r.mbps[o.name][m.name]
			if !ok {
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(v)))
			s.printf(`<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s %s: %.0f MB/s</title></circle>`+"\n",
				x(i), y(v), o.color, o.name, m.name, v)
		}
		if len(pts) > 1 {
			s.printf(`<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(pts, " "), o.color)
		}
	}
}

// messagePanel draws one group of bars per message, on a log scale.
func messagePanel(s *svg, r *results, h int) {
	s.text(left, panel2Y-30, "start", "t", "Throughput per message, MB/s of input (log scale)")
	lo, hi := math.Inf(1), 0.0
	for _, o := range ops {
		for _, v := range r.mbps[o.name] {
			if v > 0 {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if hi == 0 {
		return
	}
	lo = math.Pow(10, math.Floor(math.Log10(lo)))
	hi = math.Pow(10, math.Ceil(math.Log10(hi)))
	x := func(v float64) float64 {
		return left + math.Log10(v/lo)/math.Log10(hi/lo)*plotW
	}
	for d := lo; d <= hi*1.001; d *= 10 {
		s.printf(`<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="g"/>`+"\n", x(d), panel2Y, x(d), panel2Y+h)
		s.text(x(d), float64(panel2Y+h+14), "middle", "s", strconv.FormatFloat(d, 'f', -1, 64))
	}
	s.text(left+plotW/2, float64(panel2Y+h+32), "middle", "s", "MB/s (median of the runs; WBXML bytes for Decode, Encode and ToXML, XML bytes for FromXML)")
	yy := float64(panel2Y)
	for _, m := range r.messages {
		s.text(left-6, yy+float64(len(ops)*barH)/2+4, "end", "l", m)
		for _, o := range ops {
			if v, ok := r.mbps[o.name][m]; ok && v > 0 {
				s.printf(`<rect x="%d" y="%.1f" width="%.1f" height="%d" fill="%s"><title>%s %s: %.0f MB/s</title></rect>`+"\n",
					left, yy, max(1, x(v)-left), barH-1, o.color, o.name, m, v)
			}
			yy += barH
		}
		yy += groupGap
	}
	s.printf(`<line x1="%d" y1="%d" x2="%d" y2="%d" class="a"/>`+"\n", left, panel2Y, left, panel2Y+h)
}

// legend draws the operations' colours and their targets.
func legend(s *svg, x float64, y float64) {
	for i, o := range ops {
		yy := y + float64(i)*20
		s.printf(`<rect x="%.1f" y="%.1f" width="14" height="10" fill="%s"/>`+"\n", x, yy, o.color)
		label := o.name
		if t, ok := targets[o.name]; ok {
			label += fmt.Sprintf(" (target %g)", t)
		}
		s.text(x+20, yy+9, "start", "l", label)
	}
	s.text(x, y+float64(len(ops))*20+10, "start", "s", "dashed lines: the targets")
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// ticks returns about five round values from 0 to top.
func ticks(top float64) []float64 {
	step := niceCeil(top / 5)
	var out []float64
	for t := 0.0; t <= top*1.0001; t += step {
		out = append(out, t)
	}
	return out
}
