package codepages

import (
	"strconv"

	"github.com/easkit/easkit/version"
	"github.com/easkit/easkit/wbxml"
)

// Tag is an ActiveSync tag: its code page in the high byte and its token
// (0x05–0x3F, without the attribute and content bits) in the low byte.
// Tags are comparable and usable as map keys; the zero Tag is not a tag.
type Tag uint16

// NewTag returns the Tag for token on page. It does not check that the
// vocabulary defines it: see [Tag.Known].
//
// It is written as page*256 + token: the compiler makes page<<8 | token,
// when both are read from memory side by side (a decoded token's Page and
// Code), one 16-bit load, which the byte stores of the decoder just before
// cannot forward to, a stall of about a dozen cycles.
func NewTag(page, token uint8) Tag { return Tag(page)*256 + Tag(token) }

// Page returns the code page number.
func (t Tag) Page() uint8 { return uint8(t >> 8) }

// Token returns the tag token within the page.
func (t Tag) Token() uint8 { return uint8(t) }

// info returns the generated facts of t, or nil when t is outside the tables.
func (t Tag) info() *tagInfo {
	p, tok := t.Page(), t.Token()
	if int(p) >= NumPages || tok >= 64 {
		return nil
	}
	in := &tagTable[p][tok]
	if in.flags&flagKnown == 0 {
		return nil
	}
	return in
}

// Known reports whether the vocabulary defines t (current or historic).
func (t Tag) Known() bool { return t.info() != nil }

// Name returns the tag's element name in the current spec's spelling, or ""
// when t is not [Tag.Known].
func (t Tag) Name() string {
	in := t.info()
	if in == nil {
		return ""
	}
	return tagNameText[in.name : int(in.name)+int(in.nameLen)]
}

// Aliases returns the other spellings accepted for t on input, never
// written (for Calendar Timezone: TimeZone). The slice is shared: do not
// modify it.
func (t Tag) Aliases() []string {
	in := t.info()
	if in == nil || in.aliasLen == 0 {
		return nil
	}
	return aliasList[in.alias : int(in.alias)+int(in.aliasLen) : int(in.alias)+int(in.aliasLen)]
}

// Historic reports whether t is a token that the current [MS-ASWBXML] no
// longer lists (EAS 2.5-only tags, the AirNotify page, dropped tokens). Such
// tags are decoded and can be written when asked for. Those that older
// spec revisions gave versions are valid there ([Tag.ValidIn]: AirSync
// Truncation in 2.5 only, GetItemEstimate Version in 12.1 only); the others
// are in no version.
func (t Tag) Historic() bool {
	in := t.info()
	return in != nil && in.flags&flagHistoric != 0
}

// Since returns the first protocol version that lists t in the spec
// table, or 0 for unknown tags and historic tags without one. [Tag.ValidIn]
// may accept t in a few versions outside Since..Until (see there).
func (t Tag) Since() version.Version {
	if in := t.info(); in != nil {
		return in.since
	}
	return 0
}

// Until returns the last protocol version that has t, or 0 when t is still
// in the newest version (and for historic and unknown tags).
func (t Tag) Until() version.Version {
	if in := t.info(); in != nil {
		return in.until
	}
	return 0
}

// ValidIn reports whether t belongs to protocol version v per the spec
// tables: Since ≤ v ≤ Until, and the versions that earlier spec revisions
// give the token, whatever its name was there: Provision 0x10 is valid in
// 12.0, where it was DeviceEncryptionEnabled (MS-ASWBXML v13.0 and
// earlier), GetItemEstimate Version and DateTime in 12.1 (the v13.0
// footnote), AirSync NotifyGUID in 2.5. Unknown tags, and historic tags
// that no spec revision gave a version, are valid in no version.
func (t Tag) ValidIn(v version.Version) bool {
	in := t.info()
	if in == nil {
		return false
	}
	if in.alsoFrom != 0 && v >= in.alsoFrom && v <= in.alsoTo {
		return true
	}
	return in.since != 0 && v >= in.since && (in.until == 0 || v <= in.until)
}

// Content says how t's content is carried: [wbxml.ContentBinary] for the
// byte arrays sent as OPAQUE (Email2 ConversationId, AirSyncBase Content,
// GAL Data, …), [wbxml.ContentOpaqueText] for ComposeMail Mime, and
// [wbxml.ContentText] for everything else.
func (t Tag) Content() wbxml.ContentKind {
	if in := t.info(); in != nil {
		return wbxml.ContentKind(in.flags >> contentShift & 3)
	}
	return wbxml.ContentText
}

// Namespace returns the XML namespace of t's page in the given form.
func (t Tag) Namespace(form NamespaceForm) string { return Namespace(t.Page(), form) }

// String returns "Page:Name" (the page name, not a namespace), such as
// "AirSync:Sync", or "Page:0x3F" for a token the vocabulary does not define
// on a known page, or "Tag(30,0x05)" otherwise.
func (t Tag) String() string {
	if name := t.Name(); name != "" {
		return PageName(t.Page()) + ":" + name
	}
	tok := "0x" + strconv.FormatUint(uint64(t.Token())|0x100, 16)[1:]
	if p := PageName(t.Page()); p != "" {
		return p + ":" + tok
	}
	return "Tag(" + strconv.Itoa(int(t.Page())) + "," + tok + ")"
}

// Tags returns the tags of page in token order, historic ones included, or
// nil for a page that does not exist. The slice is shared: do not modify it.
func Tags(page uint8) []Tag {
	if int(page) >= NumPages {
		return nil
	}
	return pageTags[page]
}

// Flag bits of tagInfo.flags; internal/codegen writes the same values.
const (
	flagKnown    = 1 << 0
	flagHistoric = 1 << 1
	contentShift = 2
)

// tagInfo is the generated record of one tag.
type tagInfo struct {
	name     uint16 // offset of the name in tagNameText
	nameLen  uint8
	alias    uint16 // first alias in aliasList
	aliasLen uint8
	since    version.Version
	until    version.Version
	alsoFrom version.Version // also valid in alsoFrom..alsoTo (0: no such range)
	alsoTo   version.Version
	flags    uint8
}

// pageInfo is the generated record of one code page.
type pageInfo struct {
	name   string
	colon  string
	schema string
	synce  string
	other  []string
}
