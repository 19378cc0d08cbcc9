package wbxml

// SetXMLWriterSlow makes x convert every token through Token values, as
// the reference for its fast path (on = true), or lets it use the fast
// path again (on = false).
func SetXMLWriterSlow(x *XMLWriter, on bool) { x.slow = on }
