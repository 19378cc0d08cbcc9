package corpus

import (
	"strconv"

	cp "github.com/easkit/easkit/codepages"
)

// itemOperationsSeed seeds ItemOperationsFetch's bytes.
const itemOperationsSeed = 0x5EED_17E0

// attachment is one attachment of ItemOperationsFetch.
type attachment struct {
	contentType string
	magic       string // the first bytes of such a file
	size        int
}

var fetchedAttachments = []attachment{
	{"image/jpeg", "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x01\x00H\x00H\x00\x00", 612 << 10},
	{"application/pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", 301 << 10},
	{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", 87 << 10},
	{"image/png", "\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", 24 << 10},
}

// ItemOperationsFetch returns an ItemOperations response to a Fetch of
// four attachments by FileReference (a JPEG photo of 612 KB, a PDF of
// 301 KB, a Word document and a PNG image), about 1 MB of WBXML. Each
// Fetch has Status, the AirSyncBase FileReference and Properties holding
// the AirSyncBase ContentType and the attachment's bytes in the
// ItemOperations Data element.
//
// The bytes are one OPAQUE block each, the binary-safe WBXML form, so that
// the message measures large OPAQUE content. Data is a text element in
// [MS-ASCMD] (Exchange sends the base64 of the bytes as an inline string),
// so the XML conversion shows each block as base64 with an easkit:wire
// marker. The bytes after each file's magic number are pseudo-random:
// compressed formats look like that.
func ItemOperationsFetch() []byte {
	r := newRNG(itemOperationsSeed)
	total := 0
	for _, a := range fetchedAttachments {
		total += a.size
	}
	b := newBuilder(total + 4<<10)
	b.start(cp.ItemOperationsItemOperations)
	b.int(cp.ItemOperationsStatus, 1)
	b.start(cp.ItemOperationsResponse)
	for i, a := range fetchedAttachments {
		data := append([]byte(a.magic), r.bytes(a.size-len(a.magic))...)
		b.start(cp.ItemOperationsFetch)
		b.int(cp.ItemOperationsStatus, 1)
		b.text(cp.AirSyncBaseFileReference, "5%3a"+strconv.Itoa(40+i)+"%3a"+strconv.Itoa(i))
		b.start(cp.ItemOperationsProperties)
		b.text(cp.AirSyncBaseContentType, a.contentType)
		b.opaque(cp.ItemOperationsData, data)
		b.end() // Properties
		b.end() // Fetch
	}
	b.end() // Response
	b.end() // ItemOperations
	return b.bytes()
}
