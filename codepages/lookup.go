package codepages

import "unsafe"

// Lookup returns the tag named name in XML namespace ns. Any accepted
// spelling of the namespace (see [PageOf]) and any alias of the name
// resolves; names are case-sensitive, so Calendar "Timezone" and Email
// "TimeZone" stay apart.
func Lookup(ns, name string) (Tag, bool) {
	page, ok := lookupPage(ns)
	if !ok {
		return 0, false
	}
	return LookupInPage(page, name)
}

// LookupInPage returns the tag named name (or one of its aliases) on page.
func LookupInPage(page uint8, name string) (Tag, bool) {
	tok, ok := lookupName(page, name)
	if !ok {
		return 0, false
	}
	return NewTag(page, tok), true
}

// LookupBytes is [Lookup] for names held in byte slices, as an XML scanner
// has them. It does not allocate and does not retain ns or name.
func LookupBytes(ns, name []byte) (Tag, bool) {
	return Lookup(bytesView(ns), bytesView(name))
}

// bytesView returns b as a string without copying. The result must not
// outlive b or be retained: it is only used for switch lookups.
func bytesView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
