package corpus

import (
	"strconv"

	cp "github.com/easkit/easkit/codepages"
)

// findResults is the number of results in Find.
const findResults = 50

// Find returns the response to a 16.1 Find of the mailbox: Status 1 and a
// Response with the Store, its Status, 50 Results (each with its Class,
// ServerId, CollectionId and Properties: Subject, DateReceived,
// DisplayTo, DisplayCc, Importance, Read, IsDraft, Preview,
// HasAttachments and From, switching between the Find, Email, Email2 and
// AirSync code pages), the Range and the Total; about 13 KB.
func Find() []byte {
	r := newRNG(0x5EED_F1ED)
	b := newBuilder(16 << 10)
	b.start(cp.FindFind)
	b.int(cp.FindStatus, 1)
	b.start(cp.FindResponse)
	b.text(cp.ItemOperationsStore, "Mailbox")
	b.int(cp.FindStatus, 1)
	for i := range findResults {
		b.start(cp.FindResult)
		b.text(cp.AirSyncClass, "Email")
		folder := pick(r, []int{5, 5, 5, 7, 12, 13})
		b.text(cp.AirSyncServerId, strconv.Itoa(folder)+":"+strconv.Itoa(100+i*7))
		b.text(cp.AirSyncCollectionId, strconv.Itoa(folder))
		b.start(cp.FindProperties)
		b.text(cp.EmailSubject, r.subject())
		b.text(cp.EmailDateReceived, r.date(i))
		to, _ := r.person()
		b.text(cp.EmailDisplayTo, to)
		if r.chance(30) {
			cc, _ := r.person()
			b.text(cp.FindDisplayCc, cc)
		}
		b.int(cp.EmailImportance, pick(r, []int{1, 1, 1, 0, 2}))
		b.int(cp.EmailRead, boolInt(r.chance(70)))
		b.int(cp.Email2IsDraft, 0)
		b.text(cp.FindPreview, fit(r.sentence(r.between(8, 20)), 120))
		b.int(cp.FindHasAttachments, boolInt(r.chance(25)))
		b.text(cp.EmailFrom, r.mailbox())
		b.end() // Properties
		b.end() // Result
	}
	b.text(cp.FindRange, "0-"+strconv.Itoa(findResults-1))
	b.int(cp.FindTotal, 212)
	b.end() // Response
	b.end() // Find
	return b.bytes()
}
