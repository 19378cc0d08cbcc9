package codepages

import "github.com/easkit/easkit/wbxml"

// NamespaceForm selects how a page's XML namespace is spelled on output:
// [ColonForm] (the zero value, the default) or [SchemaForm]. It is the
// form of [wbxml.WithNamespaceForm]; other values spell no namespace.
type NamespaceForm = wbxml.NamespaceForm

const (
	// ColonForm is the default: the page name with a trailing colon
	// ("AirSync:", "Gal:"), as in Microsoft's protocol examples and libwbxml.
	ColonForm NamespaceForm = iota
	// SchemaForm is the XSD targetNamespace ("AirSync", "GAL"), as in
	// Microsoft's schemas and test suite.
	SchemaForm
	// SynCEForm is the SynCE URI that libwbxml's -l AIRSYNC writes
	// ("http://synce.org/formats/airsync_wm5/airsync"); documents in it
	// carry [SynCEDocType].
	SynCEForm
)

// PageName returns the name of page ("AirSync", "Email2", "GAL"), or ""
// when the page does not exist.
func PageName(page uint8) string {
	if int(page) >= NumPages {
		return ""
	}
	return pageTable[page].name
}

// Namespace returns page's XML namespace in the given form, or "" when the
// page or the form does not exist.
func Namespace(page uint8, form NamespaceForm) string {
	if int(page) >= NumPages {
		return ""
	}
	switch form {
	case ColonForm:
		return pageTable[page].colon
	case SchemaForm:
		return pageTable[page].schema
	case SynCEForm:
		return pageTable[page].synce
	}
	return ""
}

// NamespaceAliases returns the further spellings of page's namespace that
// are accepted on input ("POOMMAIL:" for Email). The slice is shared: do
// not modify it.
func NamespaceAliases(page uint8) []string {
	if int(page) >= NumPages {
		return nil
	}
	return pageTable[page].other
}

// PageOf returns the page whose namespace is ns in any accepted spelling:
// colon form, schema form, a historic name, or the SynCE URI that
// libwbxml's -l AIRSYNC writes (http://synce.org/formats/airsync_wm5/email).
// Namespaces are case-sensitive, as in XML.
func PageOf(ns string) (page uint8, ok bool) { return lookupPage(ns) }
