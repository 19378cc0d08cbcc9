package wbxml

// SetMinPart sets the smallest part of a conversion in parts
// (WithConcurrency) and returns a function that restores it, so that
// tests can cut small documents into many parts.
func SetMinPart(n int) (restore func()) {
	old := minPart
	minPart = n
	return func() { minPart = old }
}

// SetStreamPart sets the size of the parts of a conversion in parts
// written to an io.Writer and returns a function that restores it, so
// that tests can cut a document into more parts than there are writers.
func SetStreamPart(n int) (restore func()) {
	old := streamPart
	streamPart = n
	return func() { streamPart = old }
}

// PartsUsed returns the number of parts the XMLWriter's last conversion
// in parts used: 0 when none was tried or the document did not divide.
func PartsUsed(x *XMLWriter) int {
	if x.par == nil {
		return 0
	}
	return x.par.used
}

// ReadPartsUsed is PartsUsed for an XMLReader.
func ReadPartsUsed(x *XMLReader) int {
	if x.par == nil {
		return 0
	}
	return x.par.used
}

// SkewCheckpoints makes conversions in parts start one part in the wrong
// state, as a misread checkpoint would, until restore is called.
func SkewCheckpoints() (restore func()) {
	skewForTest = true
	return func() { skewForTest = false }
}

// SetPartBudget sets the smallest buffer budget of a part converting
// ahead for an io.Writer, and returns a function that restores it, so
// that tests can make parts carry on in their turn.
func SetPartBudget(n int) (restore func()) {
	old := minPartBudget
	minPartBudget = n
	oldF := partBudgetFactor
	partBudgetFactor = 0
	return func() { minPartBudget, partBudgetFactor = old, oldF }
}

// PartBuffers returns the capacity of the buffer of each writer that the
// parts of the XMLWriter's conversions in parts convert with.
func PartBuffers(x *XMLWriter) []int {
	if x.par == nil {
		return nil
	}
	var caps []int
	for _, h := range x.par.writers {
		caps = append(caps, cap(h.out))
	}
	return caps
}

// SetFastDecode turns the Decoder's fast path for content on or off for
// the Decoders that read a header afterwards, and returns a function that
// restores it.
func SetFastDecode(on bool) (restore func()) {
	old := fastDecode
	fastDecode = on
	return func() { fastDecode = old }
}
