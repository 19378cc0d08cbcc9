package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Word lists for deterministic, realistic-looking mail. A few entries hold
// non-ASCII letters, as real mailboxes do.
var (
	firstNames = []string{
		"Alice", "Bruno", "Chloé", "Dmitri", "Emma", "Farid", "Greta", "Hiroshi", "Inès", "Jonas",
		"Katarzyna", "Liam", "María", "Noah", "Olga", "Pavel", "Quentin", "Rosa", "Søren", "Tomás",
		"Ursula", "Viktor", "Wen", "Xavier", "Yara", "Zoë",
	}
	lastNames = []string{
		"Anderson", "Bianchi", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ivanova",
		"Jensen", "Kowalski", "López", "Müller", "Nakamura", "O'Brien", "Petrov", "Quinn", "Rossi",
		"Schmidt", "Tanaka", "Underwood", "Vasquez", "Weber", "Young", "Zhang",
	}
	domains = []string{
		"example.com", "example.org", "contoso.com", "fabrikam.net", "mail.example.net", "corp.example",
	}
	words = []string{
		"the", "project", "meeting", "report", "quarter", "budget", "review", "update", "team", "plan",
		"schedule", "deadline", "client", "proposal", "draft", "final", "version", "attached", "please",
		"thanks", "regards", "tomorrow", "today", "week", "next", "last", "status", "issue", "release",
		"server", "migration", "invoice", "contract", "agenda", "minutes", "follow", "up", "on", "with",
		"for", "and", "to", "of", "in", "a", "we", "you", "our", "your", "can", "will", "should",
		"would", "could", "let", "me", "know", "if", "there", "are", "any", "questions", "about",
		"this", "that", "it", "is", "be", "have", "has", "been", "from", "new", "design", "customer",
		"support", "ticket", "résumé", "café", "naïve", "über", "São", "Zürich", "Kraków", "déjà",
	}
	// intlWords is the vocabulary of SyncEmailIntl: Japanese, Chinese,
	// Korean and Thai words (three-byte UTF-8), Cyrillic and Greek ones
	// (two bytes), and emoji (four bytes).
	intlWords = []string{
		"会議", "資料", "添付", "来週", "打ち合わせ", "よろしくお願いします", "確認", "予定", "報告書", "締め切り",
		"项目", "进度", "报告", "已经", "完成", "客户", "合同", "预算", "服务器", "迁移",
		"안녕하세요", "회의", "자료를", "첨부합니다", "다음", "주", "감사합니다", "일정", "검토", "보고서",
		"สวัสดีครับ", "ขอบคุณ", "ข้อมูล", "ประชุม", "สัปดาห์หน้า", "รายงาน",
		"встреча", "отчёт", "проект", "спасибо", "σύσκεψη", "έκθεση",
		"👍", "🎉", "😀", "🚀", "✅", "📎",
		"Q3", "PDF", "OK", "v2",
	}
	subjects = []string{
		"Quarterly budget review", "Re: Project kickoff", "Fwd: Invoice %d", "Meeting notes %d",
		"Re: Re: Server migration plan", "Action required: contract renewal", "Weekly status update",
		"Lunch on Friday?", "Déjà vu: release %d postponed", "Re: Ticket #%d", "Agenda for Monday",
		"Your order %d has shipped", "Reminder: timesheets due", "Offsite in Zürich", "Résumé attached",
	}
	categories = []string{"Red category", "Blue category", "Green category", "Important", "Follow up"}
)

// person returns a display name and an address.
func (r *rng) person() (name, addr string) {
	f, l := pick(r, firstNames), pick(r, lastNames)
	local := strings.ToLower(asciiOnly(f) + "." + asciiOnly(l))
	return f + " " + l, local + "@" + pick(r, domains)
}

// mailbox returns a person as an RFC 5322 mailbox: "Name" <addr>.
func (r *rng) mailbox() string {
	n, a := r.person()
	return `"` + n + `" <` + a + `>`
}

// asciiOnly drops non-ASCII and punctuation bytes, for address local parts.
func asciiOnly(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// subject returns a mail subject.
func (r *rng) subject() string {
	s := pick(r, subjects)
	if strings.Contains(s, "%d") {
		s = fmt.Sprintf(s, r.between(100, 99999))
	}
	return s
}

// sentence returns n words, capitalised, with a full stop.
func (r *rng) sentence(n int) string {
	var b strings.Builder
	for i := range n {
		w := pick(r, r.vocabulary())
		if i == 0 {
			_, n := utf8.DecodeRuneInString(w)
			w = strings.ToUpper(w[:n]) + w[n:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

// paragraph returns a few sentences.
func (r *rng) paragraph() string {
	n := r.between(2, 6)
	s := make([]string, n)
	for i := range s {
		s[i] = r.sentence(r.between(5, 18))
	}
	return strings.Join(s, " ")
}

// htmlBody returns an HTML mail body of about n bytes, in the shape
// Exchange sends.
func (r *rng) htmlBody(n int) string {
	var b strings.Builder
	b.WriteString("<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n" +
		"<style type=\"text/css\" style=\"display:none;\"> P {margin-top:0;margin-bottom:0;} </style>\r\n" +
		"</head>\r\n<body dir=\"ltr\">\r\n<div style=\"font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);\">\r\n")
	for b.Len() < n {
		b.WriteString("<p>")
		b.WriteString(r.paragraph())
		b.WriteString("</p>\r\n")
		if r.chance(15) {
			name, addr := r.person()
			b.WriteString("<p>Contact <a href=\"mailto:" + addr + "\">" + name + "</a> for details &amp; updates.</p>\r\n")
		}
	}
	b.WriteString("</div>\r\n</body>\r\n</html>\r\n")
	return b.String()
}

// plainBody returns a plain-text mail body of about n bytes.
func (r *rng) plainBody(n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(r.paragraph())
		b.WriteString("\r\n\r\n")
	}
	return b.String()
}

// date returns an ActiveSync date-time in 2024, later with larger i.
func (r *rng) date(i int) string {
	day := 1 + i/40%28
	month := 1 + i/1120%12
	return fmt.Sprintf("2024-%02d-%02dT%02d:%02d:%02d.%03dZ",
		month, day, r.intn(24), r.intn(60), r.intn(60), r.intn(1000))
}

// fit cuts s to at most n bytes, at the last space before the limit when
// there is one, so that no word or UTF-8 sequence is split.
func fit(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}
