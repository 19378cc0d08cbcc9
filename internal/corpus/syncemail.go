package corpus

import (
	"strconv"

	cp "github.com/easkit/easkit/codepages"
)

// syncEmailSeed seeds SyncEmail's text.
const syncEmailSeed = 0x5EED_E3A1

// SyncEmail returns a Sync response carrying Adds of e-mail messages to an
// Inbox, as Exchange sends them to a 14.1+ client, with as many messages as
// it takes for the WBXML to reach size bytes. The last message's body is
// cut short so that the document ends a little past size (within about
// 1 KB when size is small, a few hundred bytes past it otherwise).
// Each message has ServerId, ApplicationData with Email To, Cc, From,
// Subject, DateReceived, DisplayTo, ThreadTopic, Importance, Read, an
// AirSyncBase Body (Type, EstimatedDataSize, Truncated, Data as an inline
// HTML or plain-text string of a few hundred bytes to 12 KB), MessageClass,
// InternetCPID, Flag, ContentClass, NativeBodyType, Email2 ConversationId
// and ConversationIndex as OPAQUE, and Categories; some have attachments.
func SyncEmail(size int) []byte {
	return syncEmail(newRNG(syncEmailSeed), size)
}

// syncEmailIntlSeed seeds SyncEmailIntl's text.
const syncEmailIntlSeed = 0x5EED_1A7E

// SyncEmailIntl is SyncEmail with the bodies written in Japanese,
// Chinese, Korean, Thai, Russian and Greek, with emoji: text made mostly
// of three-byte UTF-8 characters, as an East Asian mailbox holds. Names,
// addresses and subjects stay those of SyncEmail.
func SyncEmailIntl(size int) []byte {
	r := newRNG(syncEmailIntlSeed)
	r.words = intlWords
	return syncEmail(r, size)
}

// syncEmail builds SyncEmail's message from r.
func syncEmail(r *rng, size int) []byte {
	b := newBuilder(size)
	b.start(cp.AirSyncSync)
	b.start(cp.AirSyncCollections)
	b.start(cp.AirSyncCollection)
	b.text(cp.AirSyncSyncKey, strconv.Itoa(r.between(100000000, 999999999)))
	b.text(cp.AirSyncCollectionId, "5")
	b.int(cp.AirSyncStatus, 1)
	b.start(cp.AirSyncCommands)
	conv := r.bytes(16)
	for i := 0; b.size() < size; i++ {
		if r.chance(30) {
			conv = r.bytes(16) // a new conversation
		}
		syncEmailAdd(b, r, i, conv, size-b.size())
	}
	b.end() // Commands
	b.end() // Collection
	b.end() // Collections
	b.end() // Sync
	return b.bytes()
}

// addOverhead is about what an Add takes besides its body text.
const addOverhead = 700

// syncEmailAdd writes one Add; budget is how many bytes the message may
// still take, which bounds the body.
func syncEmailAdd(b *builder, r *rng, i int, conv []byte, budget int) {
	b.start(cp.AirSyncAdd)
	b.text(cp.AirSyncServerId, "5:"+strconv.Itoa(i+1))
	b.start(cp.AirSyncApplicationData)

	toName, toAddr := r.person()
	b.text(cp.EmailTo, `"`+toName+`" <`+toAddr+`>`)
	if r.chance(30) {
		b.text(cp.EmailCc, r.mailbox()+", "+r.mailbox())
	}
	b.text(cp.EmailFrom, r.mailbox())
	subject := r.subject()
	b.text(cp.EmailSubject, subject)
	b.text(cp.EmailDateReceived, r.date(i))
	b.text(cp.EmailDisplayTo, toName)
	b.text(cp.EmailThreadTopic, subject)
	b.int(cp.EmailImportance, pick(r, []int{1, 1, 1, 1, 0, 2}))
	b.int(cp.EmailRead, r.intn(2))

	html := r.chance(75)
	limit := max(64, budget-addOverhead)
	var body string
	switch {
	case limit < 2000:
		// Too little room for an HTML wrapper: a short plain-text note.
		body = fit(r.plainBody(limit), limit)
		html = false
	case html:
		body = r.htmlBody(min(limit, pick(r, []int{300, 800, 1500, 2500, 4000, 6000, 9000, 12000})))
	default:
		body = r.plainBody(min(limit, r.between(100, 3000)))
	}
	b.start(cp.AirSyncBaseBody)
	if html {
		b.int(cp.AirSyncBaseType, 2)
	} else {
		b.int(cp.AirSyncBaseType, 1)
	}
	b.int(cp.AirSyncBaseEstimatedDataSize, len(body))
	b.int(cp.AirSyncBaseTruncated, 0)
	b.text(cp.AirSyncBaseData, body)
	b.end()

	if r.chance(20) {
		syncEmailAttachments(b, r, i)
	}
	b.text(cp.EmailMessageClass, "IPM.Note")
	b.int(cp.EmailInternetCPID, 65001)
	b.empty(cp.EmailFlag)
	b.text(cp.EmailContentClass, "urn:content-classes:message")
	if html {
		b.int(cp.AirSyncBaseNativeBodyType, 2)
	} else {
		b.int(cp.AirSyncBaseNativeBodyType, 1)
	}
	b.opaque(cp.Email2ConversationId, conv)
	// ConversationIndex: a 5-byte header plus 5 bytes per reply level.
	b.opaque(cp.Email2ConversationIndex, r.bytes(5+5*r.intn(4)))
	if r.chance(25) {
		b.start(cp.EmailCategories)
		for range r.between(1, 2) {
			b.text(cp.EmailCategory, pick(r, categories))
		}
		b.end()
	} else {
		b.empty(cp.EmailCategories)
	}
	b.end() // ApplicationData
	b.end() // Add
}

// syncEmailAttachments writes an AirSyncBase Attachments list.
func syncEmailAttachments(b *builder, r *rng, i int) {
	b.start(cp.AirSyncBaseAttachments)
	for k := range r.between(1, 3) {
		b.start(cp.AirSyncBaseAttachment)
		name := pick(r, []string{"report", "invoice", "photo", "agenda", "contract"}) +
			strconv.Itoa(k+1) + pick(r, []string{".pdf", ".docx", ".jpg", ".xlsx"})
		b.text(cp.AirSyncBaseDisplayName, name)
		b.text(cp.AirSyncBaseFileReference, "5%3a"+strconv.Itoa(i+1)+"%3a"+strconv.Itoa(k))
		b.int(cp.AirSyncBaseMethod, 1)
		b.int(cp.AirSyncBaseEstimatedDataSize, r.between(2000, 5000000))
		b.end()
	}
	b.end()
}
