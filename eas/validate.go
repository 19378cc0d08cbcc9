package eas

import "sync"

// Direction options. They are Option values of kinds the other functions
// of the package ignore.
const (
	optAsRequest optionKind = 100 + iota
	optAsResponse
)

// AsRequest makes Validate check a message as a command request only.
func AsRequest() Option { return Option{kind: optAsRequest} }

// AsResponse makes Validate check a message as a command response only.
func AsResponse() Option { return Option{kind: optAsResponse} }

// Validate checks the WBXML message data against the command schemas of
// [MS-ASCMD] section 6 (gen/spec/ascmd-schema.tsv) in one streaming pass,
// without building a tree, and returns nil or a *ValidationError listing
// every problem (up to MaxProblems, then a count) with its byte offset,
// element path and ProblemKind.
//
// The root element selects the command. A WBXML message does not say
// whether it is a request or a response: unless AsRequest or AsResponse
// says which, Validate accepts the message when either reading accepts it;
// otherwise it reports the reading with fewer problems (the request on a
// tie), named in ValidationError.Message.
//
// It checks which children an element may have, how many of each, xs:choice
// alternatives, the kind of content (container, empty, text, integer,
// OPAQUE, …), enumerations and ranges, and with WithVersion the protocol
// version of every tag (codepages.Tag.ValidIn) and of every occurrence the
// schema limits to some versions. Sibling order (xs:sequence) is checked
// only under WithStrict(true), since real clients vary it. ApplicationData
// and the Properties of ItemOperations, Search and Find hold the item-class
// elements of gen/spec/asclass-schema.tsv (Email, Calendar, Contacts, Tasks,
// Notes, AirSyncBase; RightsManagement in responses, DocumentLibrary in
// ItemOperations and Search, GAL in Search and Find), all classes at once
// since a message does not always say which class an item is. Sync Supported
// and ItemOperations Schema name class properties as empty elements; a
// Search Query is text or its criteria, And and Or nesting to any depth.
// The table leaves no content open: an element it does not list is not
// allowed.
// Members of a repeated choice have their maximum checked, not their
// minimum.
//
// Invalid WBXML ends the pass: the *wbxml.SyntaxError is the last problem
// (ProblemSyntax, in Problem.Err). WithMaxDepth and WithMaxSize apply.
//
// Validate allocates nothing for a valid message.
func Validate(data []byte, opts ...Option) error {
	v := validatorPool.Get().(*validator)
	err := v.validate(data, opts)
	v.reset()
	v.dec.Reset(nil)
	validatorPool.Put(v)
	return err
}

var validatorPool = sync.Pool{New: func() any { return new(validator) }}

// validate runs the passes of Validate. A pass reads the message in one
// direction (request or response). The first passes stop at the first
// problem. The first one starts as a request and turns into a response at
// the root's first child when that child is in the response's root only
// (most responses start with a Status): a valid message costs one pass,
// unless the request reading fails deeper in. Only an invalid message is
// read again, in full and recording the problems' messages and paths, in
// each reading, to report the one with fewer problems.
func (v *validator) validate(data []byte, opts []Option) error {
	v.cfg.apply(opts)
	v.ver, v.strict = v.cfg.version, v.cfg.strict
	dirs := [2]uint8{0, 1}
	n := 2
	v.forced = false
	for _, o := range opts {
		switch o.kind {
		case optAsRequest:
			dirs, n, v.forced = [2]uint8{0}, 1, true
		case optAsResponse:
			dirs, n, v.forced = [2]uint8{1}, 1, true
		}
	}
	if v.run(data, dirs[0], false) == 0 {
		return nil
	}
	if n == 2 && v.run(data, 1-v.dir, false) == 0 {
		return nil
	}
	// Invalid in every reading: record the problems of each.
	var best *ValidationError
	bestTotal, bestMsg := 0, false
	for _, d := range dirs[:n] {
		total := v.run(data, d, true)
		e := v.result()
		if best == nil || (e.Message != "" && (!bestMsg || total < bestTotal)) {
			best, bestTotal, bestMsg = e, total, e.Message != ""
		}
	}
	return best
}
