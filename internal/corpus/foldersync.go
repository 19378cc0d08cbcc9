package corpus

import (
	"strconv"

	cp "github.com/easkit/easkit/codepages"
)

// folderSyncSeed seeds FolderSync's names.
const folderSyncSeed = 0x5EED_F01D

// Folder types of [MS-ASCMD] 2.2.3.186.3 (FolderSync Type).
const (
	folderUserGeneric  = 1
	folderInbox        = 2
	folderDrafts       = 3
	folderDeleted      = 4
	folderSent         = 5
	folderOutbox       = 6
	folderTasks        = 7
	folderCalendar     = 8
	folderContacts     = 9
	folderNotes        = 10
	folderJournal      = 11
	folderUserMail     = 12
	folderUserCalendar = 13
	folderUserContacts = 14
	folderUserTasks    = 15
	folderUserNotes    = 17
	folderRecipientMRU = 19
)

// folder is one entry of a folder hierarchy.
type folder struct {
	id, parent, name string
	typ              int
}

// FolderSync returns the response to an initial FolderSync (SyncKey 0) of
// a well-used Exchange mailbox: Status 1, a new SyncKey, and Changes with a
// Count and one Add per folder (ServerId, ParentId, DisplayName, Type).
// The hierarchy has the default folders Exchange creates, the special
// folders under the root and the Inbox, and a few hundred user folders
// nested up to five levels (projects by year and client, archives by
// month), some of them calendars, contact lists and task lists, with
// names in several languages: 293 folders, about 10 KB.
func FolderSync() []byte {
	fs := folderHierarchy()
	b := newBuilder(12 << 10)
	b.start(cp.FolderHierarchyFolderSync)
	b.int(cp.FolderHierarchyStatus, 1)
	b.text(cp.FolderHierarchySyncKey, "1")
	b.start(cp.FolderHierarchyChanges)
	b.int(cp.FolderHierarchyCount, len(fs))
	for _, f := range fs {
		b.start(cp.FolderHierarchyAdd)
		b.text(cp.FolderHierarchyServerId, f.id)
		b.text(cp.FolderHierarchyParentId, f.parent)
		b.text(cp.FolderHierarchyDisplayName, f.name)
		b.int(cp.FolderHierarchyType, f.typ)
		b.end()
	}
	b.end() // Changes
	b.end() // FolderSync
	return b.bytes()
}

// folderHierarchy lists the folders of FolderSync, parents before their
// children.
func folderHierarchy() []folder {
	r := newRNG(folderSyncSeed)
	var fs []folder
	next := 1
	add := func(parent string, name string, typ int) string {
		id := strconv.Itoa(next)
		next++
		fs = append(fs, folder{id: id, parent: parent, name: name, typ: typ})
		return id
	}
	// The default folders, as Exchange 2016 lists them.
	inbox := add("0", "Inbox", folderInbox)
	add("0", "Drafts", folderDrafts)
	deleted := add("0", "Deleted Items", folderDeleted)
	add("0", "Sent Items", folderSent)
	add("0", "Outbox", folderOutbox)
	add("0", "Tasks", folderTasks)
	calendar := add("0", "Calendar", folderCalendar)
	contacts := add("0", "Contacts", folderContacts)
	add("0", "Notes", folderNotes)
	add("0", "Journal", folderJournal)
	add("0", "Junk Email", folderUserMail)
	add("0", "Archive", folderUserMail)
	add("0", "Conversation History", folderUserMail)
	add("0", "RSS Feeds", folderUserMail)
	add("0", "Sync Issues", folderUserMail)
	add("0", "Suggested Contacts", folderRecipientMRU)
	add(contacts, "Recipient Cache", folderUserContacts)
	add(contacts, "GAL Contacts", folderUserContacts)
	add(calendar, "Birthdays", folderUserCalendar)
	add(calendar, "United States holidays", folderUserCalendar)
	add(calendar, "Équipe — congés", folderUserCalendar)
	add("0", "Projektaufgaben", folderUserTasks)
	add("0", "Ideas & drafts", folderUserNotes)
	add(deleted, "Old stuff", folderUserGeneric)

	// Projects by year and client, with sub-folders per topic.
	projects := add(inbox, "Projects", folderUserMail)
	topics := []string{"Contracts", "Invoices", "Meetings", "Design", "Support", "Correspondance", "Archiv"}
	for year := 2019; year <= 2024; year++ {
		y := add(projects, strconv.Itoa(year), folderUserMail)
		for range r.between(3, 6) {
			client := pick(r, lastNames) + " " + pick(r, []string{"GmbH", "Ltd", "S.A.", "& Co", "AB", "Inc."})
			c := add(y, client, folderUserMail)
			for _, t := range topics {
				if r.chance(55) {
					tid := add(c, t, folderUserMail)
					if r.chance(20) {
						add(tid, "Q"+strconv.Itoa(r.between(1, 4))+" "+strconv.Itoa(year), folderUserMail)
					}
				}
			}
		}
	}
	// Archives by year and month.
	archive := add(inbox, "Archive by month", folderUserMail)
	months := []string{"01 January", "02 February", "03 March", "04 April", "05 May", "06 June",
		"07 July", "08 August", "09 September", "10 October", "11 November", "12 December"}
	for year := 2021; year <= 2024; year++ {
		y := add(archive, strconv.Itoa(year), folderUserMail)
		for _, m := range months {
			add(y, m, folderUserMail)
		}
	}
	// Lists and people.
	lists := add(inbox, "Mailing lists", folderUserMail)
	for _, l := range []string{"golang-nuts", "announce", "dev@", "users@", "Kraków meetup", "Zürich tech"} {
		add(lists, l, folderUserMail)
	}
	people := add(inbox, "People", folderUserMail)
	for range 20 {
		n, _ := r.person()
		add(people, n, folderUserMail)
	}
	for range 4 {
		n, _ := r.person()
		add(contacts, n+" (shared)", folderUserContacts)
		add(calendar, n+" (shared)", folderUserCalendar)
	}
	return fs
}
