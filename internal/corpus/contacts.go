package corpus

import (
	"fmt"
	"strconv"
	"strings"

	cp "github.com/easkit/easkit/codepages"
)

// syncContactsSeed seeds SyncContacts' people.
const syncContactsSeed = 0x5EED_C0DE

// contactsCount is the number of contacts in SyncContacts.
const contactsCount = 150

// Word lists for contacts.
var (
	companies = []string{"Contoso Ltd.", "Fabrikam, Inc.", "Northwind Traders", "Adventure Works", "Tailspin Toys", "Wide World Importers", "Litware", "Proseware"}
	jobTitles = []string{"Engineer", "Senior Engineer", "Account Manager", "Director of Sales", "CFO", "Office Manager", "Consultant", "Project Lead", "Designer"}
	cities    = []struct{ city, state, country, zip string }{
		{"Seattle", "WA", "United States", "98101"}, {"Redmond", "WA", "United States", "98052"},
		{"Zürich", "ZH", "Switzerland", "8001"}, {"Kraków", "", "Poland", "30-001"},
		{"München", "BY", "Germany", "80331"}, {"Lyon", "", "France", "69001"}, {"Osaka", "", "Japan", "530-0001"},
	}
	streets = []string{"Main Street", "Bahnhofstrasse", "Rue de la République", "Market Street", "Elm Avenue", "ul. Floriańska"}
)

// SyncContacts returns a Sync response carrying Adds of 150 contacts to a
// Contacts folder, as Exchange sends them to a 14.1 client: an
// AirSyncBase Body (mostly empty, a short note on some), FileAs, names,
// company and job title, up to three e-mail addresses, business, home and
// mobile phones, a business address (and a home one on some), birthdays,
// categories, children, and the Contacts2 nickname, IM address and
// company main phone: many short elements on the Contacts, Contacts2 and
// AirSyncBase pages, about 50 KB.
func SyncContacts() []byte {
	r := newRNG(syncContactsSeed)
	b := newBuilder(96 << 10)
	b.start(cp.AirSyncSync)
	b.start(cp.AirSyncCollections)
	b.start(cp.AirSyncCollection)
	b.text(cp.AirSyncSyncKey, strconv.Itoa(r.between(100000000, 999999999)))
	b.text(cp.AirSyncCollectionId, "3")
	b.int(cp.AirSyncStatus, 1)
	b.start(cp.AirSyncCommands)
	for i := range contactsCount {
		contactAdd(b, r, i)
	}
	b.end() // Commands
	b.end() // Collection
	b.end() // Collections
	b.end() // Sync
	return b.bytes()
}

// contactAdd writes one Add of a contact.
func contactAdd(b *builder, r *rng, i int) {
	b.start(cp.AirSyncAdd)
	b.text(cp.AirSyncServerId, "3:"+strconv.Itoa(i+1))
	b.start(cp.AirSyncApplicationData)

	first, last := pick(r, firstNames), pick(r, lastNames)
	local := strings.ToLower(asciiOnly(first) + "." + asciiOnly(last))
	company := pick(r, companies)
	note := ""
	if r.chance(20) {
		note = r.sentence(r.between(6, 18))
	}
	b.start(cp.AirSyncBaseBody)
	b.int(cp.AirSyncBaseType, 1)
	b.int(cp.AirSyncBaseEstimatedDataSize, len(note))
	if note != "" {
		b.text(cp.AirSyncBaseData, note)
	}
	b.end() // Body
	b.text(cp.ContactsFileAs, last+", "+first)
	b.text(cp.ContactsFirstName, first)
	b.text(cp.ContactsLastName, last)
	if r.chance(15) {
		b.text(cp.ContactsMiddleName, pick(r, []string{"A.", "J.", "Marie", "Lee"}))
	}
	b.text(cp.ContactsCompanyName, company)
	b.text(cp.ContactsJobTitle, pick(r, jobTitles))
	if r.chance(40) {
		b.text(cp.ContactsDepartment, pick(r, []string{"Sales", "R&D", "Finance", "Support", "Legal"}))
	}
	b.text(cp.ContactsEmail1Address, fmt.Sprintf("%q <%s@%s>", first+" "+last, local, pick(r, domains)))
	if r.chance(30) {
		b.text(cp.ContactsEmail2Address, local+"@"+pick(r, domains))
	}
	b.text(cp.ContactsBusinessPhoneNumber, r.phone())
	if r.chance(50) {
		b.text(cp.ContactsHomePhoneNumber, r.phone())
	}
	b.text(cp.ContactsMobilePhoneNumber, r.phone())
	c := pick(r, cities)
	b.text(cp.ContactsBusinessAddressStreet, strconv.Itoa(r.between(1, 999))+" "+pick(r, streets))
	b.text(cp.ContactsBusinessAddressCity, c.city)
	if c.state != "" {
		b.text(cp.ContactsBusinessAddressState, c.state)
	}
	b.text(cp.ContactsBusinessAddressPostalCode, c.zip)
	b.text(cp.ContactsBusinessAddressCountry, c.country)
	if r.chance(25) {
		h := pick(r, cities)
		b.text(cp.ContactsHomeAddressStreet, strconv.Itoa(r.between(1, 99))+" "+pick(r, streets))
		b.text(cp.ContactsHomeAddressCity, h.city)
		b.text(cp.ContactsHomeAddressPostalCode, h.zip)
		b.text(cp.ContactsHomeAddressCountry, h.country)
	}
	if r.chance(35) {
		b.text(cp.ContactsBirthday, fmt.Sprintf("%04d-%02d-%02dT08:00:00.000Z", r.between(1950, 2000), r.between(1, 12), r.between(1, 28)))
	}
	if r.chance(30) {
		b.start(cp.ContactsCategories)
		b.text(cp.ContactsCategory, pick(r, categories))
		b.end()
	}
	if r.chance(10) {
		b.start(cp.ContactsChildren)
		for range r.between(1, 3) {
			b.text(cp.ContactsChild, pick(r, firstNames))
		}
		b.end()
	}
	if r.chance(20) {
		b.text(cp.ContactsWebPage, "https://www."+pick(r, domains)+"/")
	}
	if r.chance(30) {
		b.text(cp.Contacts2NickName, string([]rune(first)[:min(len([]rune(first)), 4)]))
	}
	if r.chance(20) {
		b.text(cp.Contacts2IMAddress, local+"@im."+pick(r, domains))
	}
	if r.chance(40) {
		b.text(cp.Contacts2CompanyMainPhone, r.phone())
	}
	b.end() // ApplicationData
	b.end() // Add
}

// phone returns a telephone number in one of the spellings real address
// books hold.
func (r *rng) phone() string {
	switch r.intn(3) {
	case 0:
		return fmt.Sprintf("+1 (%03d) %03d-%04d", r.between(200, 999), r.between(200, 999), r.intn(10000))
	case 1:
		return fmt.Sprintf("+41 44 %03d %02d %02d", r.intn(1000), r.intn(100), r.intn(100))
	default:
		return fmt.Sprintf("%03d-%03d-%04d", r.between(200, 999), r.between(200, 999), r.intn(10000))
	}
}
