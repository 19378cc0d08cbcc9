// Package fuzz holds easkit's cross-package fuzz targets: properties that
// span the codecs, checked on any input. It has no API; the targets are in
// its tests, and their seed corpora are committed under testdata/fuzz.
//
//	FuzzWBXMLRoundTrip    WBXML → XML → WBXML → XML under random XML output
//	                      options: the XML is stable and the second WBXML is
//	                      a fixed point (canonical input comes back byte for
//	                      byte)
//	FuzzXMLRoundTrip      XML → WBXML → XML → WBXML under random options: the
//	                      XML written is stable and the WBXML is a fixed point
//	FuzzDecodeReference   wbxml.Decoder against a plain recursive-descent
//	                      WBXML 1.3 decoder written from the W3C note: the
//	                      same tokens, and the same accept/reject decision
//	                      with the same sentinel error
//	FuzzScanWriterXML     the XML scanner against encoding/xml on the XML
//	                      that wbxml.XMLWriter writes, in every output style
//	FuzzScanGenerated     the XML scanner against encoding/xml on documents
//	                      generated from the input: nested namespaces,
//	                      prefixes, redeclarations, references, CDATA
//	FuzzB64URI            the base64 request query: text → query → text and
//	                      bytes → query → bytes, strict and lenient, and the
//	                      plain-form conversion both ways
//	FuzzCapture           the wbxml2xml pipeline: capture detection and
//	                      extraction never panic, and every body extracted
//	                      converts to XML, or fails cleanly
//
// go test ./fuzz runs every seed. To fuzz one target:
//
//	go test -run '^$' -fuzz '^FuzzDecodeReference$' -fuzztime 5m ./fuzz
//
// fuzz/campaign.sh runs every target of the module in turn for a long
// campaign. The seed corpora are generated from the repository's samples
// and golden files by
//
//	go test ./fuzz -run TestSeedCorpus -update-seeds
//
// and TestSeedCorpus fails when a sample has no seed.
package fuzz
