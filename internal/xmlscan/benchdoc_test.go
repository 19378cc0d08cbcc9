package xmlscan

import (
	"encoding/base64"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
)

// benchDocSize is the size the benchmark document grows to.
const benchDocSize = 6 << 20

var benchDocOnce = sync.OnceValue(func() []byte { return activeSyncDoc(benchDocSize, 1) })

// activeSyncDoc returns a deterministic ActiveSync-style Sync response of at
// least size bytes, written as people and tools write EAS XML: indented,
// with the page namespaces declared as prefixes on the root (Microsoft's
// style) and switched as default namespaces on elements (libwbxml's style),
// text with entity and character references, non-ASCII text, empty
// elements, the odd attribute, and long base64 text.
func activeSyncDoc(size int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	var sb strings.Builder
	sb.Grow(size + 64<<10)
	sb.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
		"<!DOCTYPE ActiveSync PUBLIC \"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">\n" +
		"<Sync xmlns=\"AirSync:\" xmlns:email=\"Email:\" xmlns:airsyncbase=\"AirSyncBase:\" xmlns:email2=\"Email2:\"" +
		" xmlns:calendar=\"Calendar:\" xmlns:contacts=\"Contacts:\" xmlns:easkit=\"urn:easkit:xml\">\n" +
		"  <Collections>\n    <Collection>\n      <SyncKey>{8E6B4D2C-1F0A-4C3B-9D8E-7A6B5C4D3E2F}3</SyncKey>\n" +
		"      <CollectionId>7</CollectionId>\n      <Status>1</Status>\n      <MoreAvailable/>\n      <Commands>\n")
	words := []string{"meeting", "quarterly", "report", "Grüße", "café", "naïve", "日本語", "status", "review",
		"budget", "proposal", "follow-up", "re:", "fwd:", "lunch", "project", "Zürich", "déjà", "vu", "résumé"}
	sentence := func(n int) string {
		var w strings.Builder
		for i := range n {
			if i > 0 {
				w.WriteByte(' ')
			}
			w.WriteString(words[r.IntN(len(words))])
		}
		return w.String()
	}
	bin := make([]byte, 0, 48<<10)
	for item := 0; sb.Len() < size; item++ {
		sb.WriteString("        <Add>\n          <ServerId>7:" + strconv.Itoa(item+1) + "</ServerId>\n          <ApplicationData>\n")
		if item%2 == 0 {
			// Prefixes declared on the root.
			sb.WriteString("            <email:To>&quot;" + sentence(2) + "&quot; &lt;user" + strconv.Itoa(item) + "@example.com&gt;</email:To>\n")
			sb.WriteString("            <email:From>&quot;Sender &amp; Co&quot; &lt;sender@example.com&gt;</email:From>\n")
			sb.WriteString("            <email:Subject>" + sentence(6) + "</email:Subject>\n")
			sb.WriteString("            <email:DateReceived>2024-03-" + strconv.Itoa(10+item%18) + "T09:15:00.000Z</email:DateReceived>\n")
			sb.WriteString("            <email:Importance>1</email:Importance>\n            <email:Read>0</email:Read>\n")
			sb.WriteString("            <airsyncbase:Body>\n              <airsyncbase:Type>2</airsyncbase:Type>\n")
			sb.WriteString("              <airsyncbase:EstimatedDataSize>" + strconv.Itoa(500+r.IntN(5000)) + "</airsyncbase:EstimatedDataSize>\n")
			sb.WriteString("              <airsyncbase:Data>&lt;html&gt;&lt;body&gt;&lt;p class=&quot;x&quot;&gt;" + sentence(40) +
				"&lt;/p&gt;&#13;\n&lt;p&gt;" + sentence(30) + " &amp;nbsp;&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</airsyncbase:Data>\n")
			sb.WriteString("            </airsyncbase:Body>\n")
			sb.WriteString("            <email:MessageClass>IPM.Note</email:MessageClass>\n            <email:Flag/>\n")
			sb.WriteString("            <email2:ConversationId easkit:wire=\"opaque\">" + conversationID(r) + "</email2:ConversationId>\n")
			sb.WriteString("            <email:Categories/>\n")
		} else {
			// Default namespace switched per element.
			sb.WriteString("            <Subject xmlns=\"Email:\">" + sentence(5) + "</Subject>\n")
			sb.WriteString("            <DisplayTo xmlns=\"Email:\">" + sentence(2) + "</DisplayTo>\n")
			sb.WriteString("            <Body xmlns=\"AirSyncBase:\">\n              <Type>1</Type>\n")
			sb.WriteString("              <Data>" + sentence(80) + "\n" + sentence(20) + "</Data>\n            </Body>\n")
			sb.WriteString("            <NativeBodyType xmlns=\"AirSyncBase:\">1</NativeBodyType>\n")
			sb.WriteString("            <Attendees xmlns=\"Calendar:\">\n")
			for a := range 1 + r.IntN(4) {
				sb.WriteString("              <Attendee><Email>a" + strconv.Itoa(a) + "@example.com</Email><Name>" + sentence(2) +
					"</Name><AttendeeType>1</AttendeeType></Attendee>\n")
			}
			sb.WriteString("            </Attendees>\n")
		}
		if item%16 == 5 {
			// A long base64 body (an attachment or MIME part), one line.
			bin = bin[:0]
			n := 8<<10 + r.IntN(24<<10)
			for range n {
				bin = append(bin, byte(r.Uint32()))
			}
			sb.WriteString("            <airsyncbase:Attachments>\n              <airsyncbase:Attachment>\n" +
				"                <airsyncbase:DisplayName>scan " + strconv.Itoa(item) + ".pdf</airsyncbase:DisplayName>\n" +
				"                <airsyncbase:Content>")
			sb.WriteString(base64.StdEncoding.EncodeToString(bin))
			sb.WriteString("</airsyncbase:Content>\n              </airsyncbase:Attachment>\n            </airsyncbase:Attachments>\n")
		}
		sb.WriteString("          </ApplicationData>\n        </Add>\n")
	}
	sb.WriteString("      </Commands>\n    </Collection>\n  </Collections>\n</Sync>\n")
	return []byte(sb.String())
}

// conversationID returns a random 16-byte id in base64, as EAS sends
// ConversationId.
func conversationID(r *rand.Rand) string {
	var id [16]byte
	for i := range id {
		id[i] = byte(r.Uint32())
	}
	return base64.StdEncoding.EncodeToString(id[:])
}
