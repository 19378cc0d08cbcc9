package corpus

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strconv"
	"time"
	"unicode/utf16"

	cp "github.com/easkit/easkit/codepages"
)

// syncCalendarSeed seeds SyncCalendar's events.
const syncCalendarSeed = 0x5EED_CA1E

// calendarEvents is the number of events in SyncCalendar.
const calendarEvents = 120

// SyncCalendar returns a Sync response carrying Adds of calendar events
// to a Calendar folder, as Exchange sends them to a 14.1 client: each has
// a Timezone (the base64 of a 172-byte TIME_ZONE_INFORMATION, as
// [MS-ASDTYPE] 2.7 defines it), DtStamp, StartTime, EndTime, Subject, UID,
// organizer, Location, an AirSyncBase Body, Sensitivity, BusyStatus,
// AllDayEvent, Reminder and MeetingStatus. Meetings have Attendees (Email,
// Name, AttendeeStatus, AttendeeType) and response fields; about half the
// events recur (daily, weekly on several days, monthly on a day or the
// n-th weekday, yearly) with Exceptions that delete an occurrence or move
// and rename it. It holds 120 events, about 210 KB.
func SyncCalendar() []byte {
	r := newRNG(syncCalendarSeed)
	b := newBuilder(224 << 10)
	b.start(cp.AirSyncSync)
	b.start(cp.AirSyncCollections)
	b.start(cp.AirSyncCollection)
	b.text(cp.AirSyncSyncKey, strconv.Itoa(r.between(100000000, 999999999)))
	b.text(cp.AirSyncCollectionId, "2")
	b.int(cp.AirSyncStatus, 1)
	b.start(cp.AirSyncCommands)
	for i := range calendarEvents {
		calendarAdd(b, r, i)
	}
	b.end() // Commands
	b.end() // Collection
	b.end() // Collections
	b.end() // Sync
	return b.bytes()
}

// calendarAdd writes one Add of an event.
func calendarAdd(b *builder, r *rng, i int) {
	b.start(cp.AirSyncAdd)
	b.text(cp.AirSyncServerId, "2:"+strconv.Itoa(i+1))
	b.start(cp.AirSyncApplicationData)

	tz := pick(r, timezones)
	b.text(cp.CalendarTimezone, tz.blob())
	day := 1 + i*3%360
	allDay := r.chance(10)
	hour, minutes := r.between(7, 17), pick(r, []int{0, 0, 15, 30, 45})
	length := pick(r, []int{30, 30, 60, 60, 60, 90, 120, 240})
	if allDay {
		hour, minutes, length = 0, 0, 24*60
	}
	b.text(cp.CalendarDtStamp, compactTime(day-7, 10, 12))
	b.text(cp.CalendarStartTime, compactTime(day, hour, minutes))
	b.text(cp.CalendarEndTime, compactTime(day, hour, minutes+length))
	subject := pick(r, eventSubjects)
	b.text(cp.CalendarSubject, subject)
	b.text(cp.CalendarUID, fmt.Sprintf("040000008200E00074C5B7101A82E008000000%016X%016X", r.next(), r.next()))
	orgName, orgAddr := r.person()
	b.text(cp.CalendarOrganizerName, orgName)
	b.text(cp.CalendarOrganizerEmail, orgAddr)
	meeting := r.chance(60)
	if meeting {
		b.start(cp.CalendarAttendees)
		for range r.between(1, 12) {
			name, addr := r.person()
			b.start(cp.CalendarAttendee)
			b.text(cp.CalendarEmail, addr)
			b.text(cp.CalendarName, name)
			b.int(cp.CalendarAttendeeStatus, pick(r, []int{0, 2, 3, 3, 3, 4, 5}))
			b.int(cp.CalendarAttendeeType, pick(r, []int{1, 1, 1, 2, 3}))
			b.end()
		}
		b.end()
	}
	b.text(cp.CalendarLocation, pick(r, locations))

	body := r.plainBody(r.between(60, 1500))
	b.start(cp.AirSyncBaseBody)
	b.int(cp.AirSyncBaseType, 1)
	b.int(cp.AirSyncBaseEstimatedDataSize, len(body))
	b.int(cp.AirSyncBaseTruncated, 0)
	b.text(cp.AirSyncBaseData, body)
	b.end()

	b.int(cp.CalendarSensitivity, pick(r, []int{0, 0, 0, 1, 2}))
	b.int(cp.CalendarBusyStatus, pick(r, []int{2, 2, 2, 1, 0, 3}))
	b.int(cp.CalendarAllDayEvent, boolInt(allDay))
	b.int(cp.CalendarReminder, pick(r, []int{0, 5, 15, 15, 30, 1080}))
	if meeting {
		b.int(cp.CalendarMeetingStatus, pick(r, []int{1, 3}))
	} else {
		b.int(cp.CalendarMeetingStatus, 0)
	}
	if r.chance(50) {
		calendarRecurrence(b, r, day, hour, minutes, length)
	}
	if r.chance(20) {
		b.start(cp.CalendarCategories)
		b.text(cp.CalendarCategory, pick(r, categories))
		b.end()
	} else {
		b.empty(cp.CalendarCategories)
	}
	if meeting {
		b.int(cp.CalendarResponseRequested, 1)
		b.text(cp.CalendarAppointmentReplyTime, compactTime(day-5, 9, 3))
		b.int(cp.CalendarResponseType, pick(r, []int{1, 2, 3, 5}))
		b.int(cp.CalendarDisallowNewTimeProposal, r.intn(2))
	}
	b.int(cp.AirSyncBaseNativeBodyType, 1)
	b.end() // ApplicationData
	b.end() // Add
}

// calendarRecurrence writes a Recurrence and, for some, Exceptions.
func calendarRecurrence(b *builder, r *rng, day, hour, minutes, length int) {
	b.start(cp.CalendarRecurrence)
	typ := pick(r, []int{0, 1, 1, 1, 2, 3, 5})
	b.int(cp.CalendarType, typ)
	b.int(cp.CalendarInterval, pick(r, []int{1, 1, 1, 2, 3}))
	if r.chance(50) {
		b.int(cp.CalendarOccurrences, r.between(2, 52))
	} else {
		b.text(cp.CalendarUntil, compactTime(day+r.between(30, 365), 23, 59))
	}
	switch typ {
	case 1: // weekly: a mask of days
		b.int(cp.CalendarDayOfWeek, pick(r, []int{2, 4, 8, 16, 32, 10, 42, 62}))
	case 2: // monthly on a day
		b.int(cp.CalendarDayOfMonth, r.between(1, 28))
	case 3: // monthly on the n-th weekday
		b.int(cp.CalendarWeekOfMonth, r.between(1, 5))
		b.int(cp.CalendarDayOfWeek, pick(r, []int{2, 4, 8, 16, 32}))
	case 5: // yearly
		b.int(cp.CalendarDayOfMonth, r.between(1, 28))
		b.int(cp.CalendarMonthOfYear, r.between(1, 12))
	}
	b.end()
	if !r.chance(40) {
		return
	}
	b.start(cp.CalendarExceptions)
	for k := range r.between(1, 4) {
		occ := day + 7*(k+1)
		b.start(cp.CalendarException)
		if r.chance(40) {
			b.int(cp.CalendarDeleted, 1)
			b.text(cp.CalendarExceptionStartTime, compactTime(occ, hour, minutes))
		} else {
			b.text(cp.CalendarExceptionStartTime, compactTime(occ, hour, minutes))
			moved := hour + r.between(1, 3)
			b.text(cp.CalendarStartTime, compactTime(occ, moved, minutes))
			b.text(cp.CalendarEndTime, compactTime(occ, moved, minutes+length))
			b.text(cp.CalendarDtStamp, compactTime(occ-2, 8, 0))
			if r.chance(50) {
				b.text(cp.CalendarSubject, "Moved: "+pick(r, eventSubjects))
				b.text(cp.CalendarLocation, pick(r, locations))
			}
			b.int(cp.CalendarBusyStatus, 2)
		}
		b.end()
	}
	b.end()
}

// compactTime returns the compact ISO 8601 form Calendar uses
// ("20240115T093000Z") for day of 2024 (1-based, may run past the year),
// hour and minute (minutes may run past the hour).
func compactTime(day, hour, minute int) string {
	return time.Date(2024, time.January, day, hour, minute, 0, 0, time.UTC).Format("20060102T150405Z")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A timezone is the data of a TIME_ZONE_INFORMATION structure whose
// transitions fall on a Sunday at a whole hour.
type timezone struct {
	bias         int32 // minutes west of UTC
	standardName string
	standardDate transition
	daylightName string
	daylightDate transition
	daylightBias int32
}

// A transition is the n-th Sunday (5: the last) of a month, at an hour;
// the zero transition means no daylight saving time.
type transition struct{ month, week, hour uint16 }

var timezones = []timezone{
	{480, "Pacific Standard Time", transition{11, 1, 2}, "Pacific Daylight Time", transition{3, 2, 2}, -60},
	{300, "Eastern Standard Time", transition{11, 1, 2}, "Eastern Daylight Time", transition{3, 2, 2}, -60},
	{-60, "W. Europe Standard Time", transition{10, 5, 3}, "W. Europe Daylight Time", transition{3, 5, 2}, -60},
	{-540, "Tokyo Standard Time", transition{}, "Tokyo Daylight Time", transition{}, 0},
	{0, "GMT Standard Time", transition{10, 5, 2}, "GMT Daylight Time", transition{3, 5, 1}, -60},
}

// blob returns the base64 text of the 172-byte TIME_ZONE_INFORMATION:
// Bias, StandardName (32 UTF-16 units), StandardDate (SYSTEMTIME),
// StandardBias, DaylightName, DaylightDate, DaylightBias; little-endian.
func (tz timezone) blob() string {
	b := make([]byte, 0, 172)
	b = binary.LittleEndian.AppendUint32(b, uint32(tz.bias))
	b = appendUTF16Name(b, tz.standardName)
	b = tz.standardDate.appendSystemTime(b)
	b = binary.LittleEndian.AppendUint32(b, 0) // StandardBias
	b = appendUTF16Name(b, tz.daylightName)
	b = tz.daylightDate.appendSystemTime(b)
	b = binary.LittleEndian.AppendUint32(b, uint32(tz.daylightBias))
	return base64.StdEncoding.EncodeToString(b)
}

// appendUTF16Name appends s as 32 UTF-16LE code units, zero-padded.
func appendUTF16Name(b []byte, s string) []byte {
	u := utf16.Encode([]rune(s))
	for i := range 32 {
		var c uint16
		if i < len(u) && i < 31 {
			c = u[i]
		}
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

// appendSystemTime appends t as a SYSTEMTIME of eight little-endian
// uint16: year 0 (every year), month, day of week 0 (Sunday), the week as
// the day, hour, minute, second, milliseconds.
func (t transition) appendSystemTime(b []byte) []byte {
	for _, f := range [8]uint16{0, t.month, 0, t.week, t.hour, 0, 0, 0} {
		b = binary.LittleEndian.AppendUint16(b, f)
	}
	return b
}

var (
	eventSubjects = []string{
		"Weekly team sync", "1:1 with manager", "Quarterly business review", "Project kickoff",
		"Sprint planning", "Design review", "Lunch with client", "Budget meeting", "All hands",
		"Dentist", "Café with María", "Réunion d'équipe", "Offsite Zürich", "Interview: backend engineer",
		"Release retrospective", "Customer call — Kraków", "Training: security awareness",
	}
	locations = []string{
		"Conference Room 1", "Conference Room 2 (Building B)", "Microsoft Teams Meeting", "Café Central",
		"https://meet.example.com/abc-defg-hij", "Salle Rivoli, 3e étage", "Headquarters, Zürich", "Online",
	}
)
