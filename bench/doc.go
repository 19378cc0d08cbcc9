// Package bench holds easkit's benchmarks over realistic ActiveSync
// messages (internal/corpus) and the comparisons with other
// implementations; it has no API. README.md holds the measured figures,
// run.sh reproduces them, and chart draws throughput.svg from the output.
//
// Benchmarks are named Benchmark<Op>/<Message>:
//
//	Decode   WBXML → tokens (wbxml.Decoder, ActiveSync vocabulary, lenient)
//	Encode   tokens → WBXML (wbxml.Encoder.WriteToken into a reused buffer)
//	ToXML    WBXML → XML text (wbxml.XMLWriter, the wbxml2xml defaults)
//	FromXML  XML text → WBXML (wbxml.XMLReader)
//
// plus B64URI/Unpack and B64URI/Pack (the base64 request query), and
// Baseline… for the same work done by other code: encoding/xml tokenizing
// the XML that FromXML reads, with and without its namespace handling.
// Every benchmark reports allocations and sets the bytes it processes:
// the WBXML size for Decode, Encode and ToXML, the XML size for FromXML
// and the baselines, the base64 text for B64URI. Every non-baseline
// operation allocates nothing, which TestZeroAllocs proves.
//
// Run them with
//
//	go test -run '^$' -bench . -benchmem ./bench
//
// or bench/run.sh for the published tables and chart.
package bench
