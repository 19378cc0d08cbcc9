package corpus

import (
	"strconv"

	cp "github.com/easkit/easkit/codepages"
)

// estimateCollections is the number of collections in GetItemEstimate.
const estimateCollections = 40

// GetItemEstimate returns a GetItemEstimate response for 40 collections
// (mail folders, the calendar, contacts and tasks, as a client asks for
// before syncing them): each a Response with its Status 1 and the
// Collection with its CollectionId and Estimate, about 1 KB.
func GetItemEstimate() []byte {
	r := newRNG(0x5EED_E571)
	b := newBuilder(2 << 10)
	b.start(cp.GetItemEstimateGetItemEstimate)
	for i := range estimateCollections {
		b.start(cp.GetItemEstimateResponse)
		b.int(cp.GetItemEstimateStatus, 1)
		b.start(cp.GetItemEstimateCollection)
		b.text(cp.GetItemEstimateCollectionId, strconv.Itoa(2+i))
		b.int(cp.GetItemEstimateEstimate, pick(r, []int{0, 0, 1, 3, 12, 57, 250, 1034}))
		b.end() // Collection
		b.end() // Response
	}
	b.end() // GetItemEstimate
	return b.bytes()
}
