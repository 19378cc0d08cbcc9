package eas

import (
	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/version"
)

//go:generate go run ../gen -root .. eas

// The command schemas of [MS-ASCMD] section 6 (gen/spec/ascmd-schema.tsv)
// are generated into schema_gen.go as tables: schemaNodes, one entry per
// element occurrence, with the children of each node contiguous, and
// schemaRoot, a switch from a root tag to its request and response, and
// schemaUnions, the item-class content (gen/spec/asclass-schema.tsv) of
// ApplicationData and the Properties elements. Nothing is built at init
// time.

// schemaKind is the content of an element, the table's content column.
type schemaKind uint8

const (
	kindContainer schemaKind = iota
	kindEmpty
	kindText
	kindInteger
	kindUnsignedByte
	kindUnsignedShort
	kindUnsignedInt
	kindBoolean01
	kindDatetime
	kindCompactdatetime
	kindBase64
	kindOpaque
	kindAny
	kindUnsignedByteOrEmpty // unsignedByte or no content
	kindUnsignedIntOrEmpty  // unsignedInt or no content
	kindAppdata             // elements of the item classes of the node's union (schemaUnions)
	kindMixed               // text, or the node's children (Search Query: an XSD mixed type)
)

var kindNames = [...]string{
	kindContainer: "a container", kindEmpty: "empty", kindText: "text",
	kindInteger: "an integer", kindUnsignedByte: "an unsigned byte", kindUnsignedShort: "an unsigned short",
	kindUnsignedInt: "an unsigned int", kindBoolean01: "0 or 1", kindDatetime: "a date-time",
	kindCompactdatetime: "a compact date-time", kindBase64: "base64 text", kindOpaque: "OPAQUE data",
	kindAny: "anything", kindUnsignedByteOrEmpty: "an unsigned byte", kindUnsignedIntOrEmpty: "an unsigned int",
	kindAppdata: "item properties", kindMixed: "text or elements",
}

// Flags of a schemaNode. The last six are hints the generator derives
// for Validate, so that the common case costs a few bit operations.
const (
	nodeRepeated    = 1 << iota // member of a choice with maxOccurs unbounded
	nodeRange                   // lo..hi holds the value range
	nodeCollect                 // the content check needs the element's text
	nodeCounted                 // a child has a bound other than 0, 1 or unbounded: count occurrences
	nodeMissingSlow             // req does not cover every required child (choices, versions)
	nodeBranches                // a child belongs to a branch of a choice of sequences
	nodeChecked                 // versions or choice alternatives (excl) to check on each occurrence
	nodeIntEnum                 // integer enumeration of values 0-63: lo, hi hold them as a bit set (low, high 32 bits)
)

// lookupSearch is a schemaLookup entry for a token that several of a
// node's own children have (on different code pages): search for the tag.
const lookupSearch = 0xFF

// unbounded is a schemaNode.max meaning maxOccurs="unbounded".
const unbounded = 255

// A schemaNode is one element occurrence of a command schema.
type schemaNode struct {
	req      uint64 // children (bit i: schemaNodes[first+i]) every occurrence must have
	excl     uint64 // siblings (bit i: the parent's child i) that rule this one out
	tag      codepages.Tag
	kind     schemaKind
	min, max uint8 // max unbounded: no limit
	group    uint8 // 1-based choice group among the parent's children; 0: none
	branch   uint8 // branch of a choice whose branches are sequences; 0: none
	order    uint8 // position in the parent's sequence; 0: any order
	flags    uint8
	since    version.Version // 0: every version of the command
	until    version.Version // 0: still current
	first    uint16          // first child in schemaNodes
	count    uint16          // number of children
	enum     uint16          // first value in schemaEnums
	nenum    uint8           // number of values
	lo, hi   int32           // value range with nodeRange
	union    uint8           // kindAppdata: its schemaUnions index; the union's elements follow the node's own children
	own      uint16          // children that are the node's own rows (count, less a union's elements)
}

// A schemaUnion is the content of an appdata element (ApplicationData,
// the Properties of ItemOperations and Search): the top-level elements of
// some item classes (gen/spec/asclass-schema.tsv), laid out after the
// element's own children.
type schemaUnion struct {
	index string // by page*64+token: position among them + 1; 0 or past the end: not in the union
}

// unionSlot returns the position of the element tag of schemaUnions[union]
// among the children of a node of that union, own of them its own rows;
// -1 when the union lacks it.
func unionSlot(union uint8, own int, tag codepages.Tag) int {
	u := &schemaUnions[union]
	if tag&0xFF >= 64 {
		return -1
	}
	if k := int(tag>>8)*64 + int(tag&0xFF); k < len(u.index) && u.index[k] != 0 {
		return own + int(u.index[k]) - 1
	}
	return -1
}

// A schemaMessage is one command request or response.
type schemaMessage struct {
	name     string // "Sync request"
	command  string
	response bool
	root     uint16
}

// inVersion reports whether the occurrence n is in protocol version v (0:
// any).
func (n *schemaNode) inVersion(v version.Version) bool {
	return v == 0 || ((n.since == 0 || v >= n.since) && (n.until == 0 || v <= n.until))
}
