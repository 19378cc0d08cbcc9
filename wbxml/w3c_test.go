package wbxml

// The worked examples of the W3C note "WAP Binary XML Content Format"
// (NOTE-wbxml-19990624), section 8, byte for byte.

// w3cSimple is example 8.1:
//
//	<XYZ>
//	  <CARD>
//	    X &amp; Y<BR/>
//	    X&nbsp;=&nbsp;1
//	  </CARD>
//	</XYZ>
//
// with tag tokens BR 0x05, CARD 0x06, XYZ 0x07; version 1.1, unknown public
// id, charset US-ASCII.
var w3cSimple = []byte{
	0x01, 0x01, 0x03, 0x00, 0x47, 0x46, 0x03, ' ', 'X', ' ', '&', ' ', 'Y', 0x00, 0x05, 0x03, ' ', 'X', 0x00,
	0x02, 0x81, 0x20, 0x03, '=', 0x00, 0x02, 0x81, 0x20, 0x03, '1', ' ', 0x00, 0x01, 0x01,
}

// w3cSimpleTokens are the tokens of w3cSimple.
var w3cSimpleTokens = []Token{
	{Kind: KindStartTag, Code: 0x07, Content: true, Offset: 4},
	{Kind: KindStartTag, Code: 0x06, Content: true, Offset: 5},
	{Kind: KindString, Data: []byte(" X & Y"), Offset: 6},
	{Kind: KindStartTag, Code: 0x05, Offset: 14},
	{Kind: KindEndTag, Code: 0x05, Offset: 15},
	{Kind: KindString, Data: []byte(" X"), Offset: 15},
	{Kind: KindEntity, Value: 160, Offset: 19},
	{Kind: KindString, Data: []byte("="), Offset: 22},
	{Kind: KindEntity, Value: 160, Offset: 25},
	{Kind: KindString, Data: []byte("1 "), Offset: 28},
	{Kind: KindEndTag, Code: 0x06, Content: true, Offset: 32},
	{Kind: KindEndTag, Code: 0x07, Content: true, Offset: 33},
}

// w3cExpanded is example 8.2:
//
//	<XYZ>
//	  <CARD NAME="abc" STYLE="LIST">
//	    <DO TYPE="ACCEPT" URL="http://xyz.org/s"/>
//	    Enter name: <INPUT TYPE="TEXT" KEY="N"/>
//	  </CARD>
//	</XYZ>
//
// with tag tokens CARD 0x05, INPUT 0x06, XYZ 0x07, DO 0x08; attribute
// start tokens STYLE="LIST" 0x05, TYPE 0x06, TYPE="TEXT" 0x07,
// URL="http://" 0x08, NAME 0x09, KEY 0x0A; attribute value tokens ".org"
// 0x85, "ACCEPT" 0x86; version 1.1, unknown public id, UTF-8, and a string
// table holding "abc" and " Enter name: ".
var w3cExpanded = []byte{
	0x01, 0x01, 0x6A, 0x12, 'a', 'b', 'c', 0x00, ' ', 'E', 'n', 't', 'e', 'r', ' ', 'n',
	'a', 'm', 'e', ':', ' ', 0x00, 0x47, 0xC5, 0x09, 0x83, 0x00, 0x05, 0x01, 0x88, 0x06,
	0x86, 0x08, 0x03, 'x', 'y', 'z', 0x00, 0x85, 0x03, '/', 's', 0x00, 0x01, 0x83, 0x04,
	0x86, 0x07, 0x0A, 0x03, 'N', 0x00, 0x01, 0x01, 0x01,
}

// w3cExpandedTable is the string table of w3cExpanded.
var w3cExpandedTable = []byte("abc\x00 Enter name: \x00")

// w3cExpandedTokens are the tokens of w3cExpanded.
var w3cExpandedTokens = []Token{
	{Kind: KindStartTag, Code: 0x07, Content: true, Offset: 22},
	{Kind: KindStartTag, Code: 0x05, Attrs: true, Content: true, Offset: 23},
	{Kind: KindAttrStart, Code: 0x09, Offset: 24},
	{Kind: KindString, Form: FormTable, Value: 0, Data: []byte("abc"), Offset: 25},
	{Kind: KindAttrStart, Code: 0x05, Offset: 27},
	{Kind: KindEndAttrs, Offset: 28},
	{Kind: KindStartTag, Code: 0x08, Attrs: true, Offset: 29},
	{Kind: KindAttrStart, Code: 0x06, Offset: 30},
	{Kind: KindAttrValue, Code: 0x86, Offset: 31},
	{Kind: KindAttrStart, Code: 0x08, Offset: 32},
	{Kind: KindString, Data: []byte("xyz"), Offset: 33},
	{Kind: KindAttrValue, Code: 0x85, Offset: 38},
	{Kind: KindString, Data: []byte("/s"), Offset: 39},
	{Kind: KindEndAttrs, Offset: 43},
	{Kind: KindEndTag, Code: 0x08, Attrs: true, Offset: 44},
	{Kind: KindString, Form: FormTable, Value: 4, Data: []byte(" Enter name: "), Offset: 44},
	{Kind: KindStartTag, Code: 0x06, Attrs: true, Offset: 46},
	{Kind: KindAttrStart, Code: 0x07, Offset: 47},
	{Kind: KindAttrStart, Code: 0x0A, Offset: 48},
	{Kind: KindString, Data: []byte("N"), Offset: 49},
	{Kind: KindEndAttrs, Offset: 52},
	{Kind: KindEndTag, Code: 0x06, Attrs: true, Offset: 53},
	{Kind: KindEndTag, Code: 0x05, Attrs: true, Content: true, Offset: 53},
	{Kind: KindEndTag, Code: 0x07, Content: true, Offset: 54},
}

// testVocab is a small vocabulary for tests: the W3C example tags on page
// 0, and a few ActiveSync tags on pages 0, 7 and 17.
type testVocab struct{}

var testTags = map[[2]uint8]string{
	{0, 0x05}: "Sync", {0, 0x0E}: "Status", {0, 0x1C}: "Collections", {0, 0x0F}: "Collection",
	{7, 0x16}: "FolderSync", {7, 0x0C}: "Status", {7, 0x12}: "SyncKey",
	{17, 0x0A}: "Body", {17, 0x0B}: "Data",
}

var testPages = map[uint8]string{0: "AirSync", 7: "FolderHierarchy", 17: "AirSyncBase"}

func (testVocab) TagName(page, token uint8) string { return testTags[[2]uint8{page, token}] }
func (testVocab) LookupTag(ns, local []byte) (uint8, uint8, bool) {
	for k, v := range testTags {
		if v == string(local) && testPages[k[0]] == string(ns) {
			return k[0], k[1], true
		}
	}
	return 0, 0, false
}
func (testVocab) Namespace(page uint8, form NamespaceForm) string { return testPages[page] }
func (testVocab) PageName(page uint8) string                      { return testPages[page] }
func (testVocab) Content(page, token uint8) ContentKind           { return ContentText }
