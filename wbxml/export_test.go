package wbxml

// SkipIfNoAllocCheck lets the external tests (package wbxml_test) skip
// allocation-count tests under -race and coverage.
var SkipIfNoAllocCheck = skipIfNoAllocCheck
