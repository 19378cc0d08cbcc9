package xmltext

import (
	"strings"
	"testing"
)

// htmlBody is e-mail body text as ActiveSync carries it: HTML with CR LF
// line ends and some accented words.
var htmlBody = []byte(strings.Repeat("<p>Client next deadline new draft thanks it. About status naïve café plan Kraków São is release for São and.</p>\r\n"+
	"<div style=\"font-family: Calibri, Arial\">Ticket of new there has customer &amp; tomorrow. Regards, résumé.</div>\r\n", 200))

// cjkBody, hangulBody, thaiBody and emojiBody are bodies in scripts of
// three-byte UTF-8 characters, and text with four-byte ones.
var (
	cjkBody    = []byte(strings.Repeat("<p>会議の資料を添付します。来週の打ち合わせでよろしくお願いします。项目进度报告已经完成。</p>\r\n", 60))
	hangulBody = []byte(strings.Repeat("<p>안녕하세요. 회의 자료를 첨부합니다. 다음 주 회의에서 뵙겠습니다. 감사합니다.</p>\r\n", 60))
	thaiBody   = []byte(strings.Repeat("<p>สวัสดีครับ ขอบคุณสำหรับข้อมูล พบกันสัปดาห์หน้า</p>\r\n", 60))
	emojiBody  = []byte(strings.Repeat("Thanks 👍 see you 🎉 soon! Ünïcödé ok 😀 great work 🚀 \uFFFD\r\n", 60))
)

var plainBody = []byte(strings.Repeat("Client next deadline new draft thanks it. About status plan is release for the team and the server migration.\r\n", 200))

func BenchmarkAppendTextSafe(b *testing.B) {
	for _, c := range []struct {
		name string
		text []byte
	}{{"HTML", htmlBody}, {"Plain", plainBody}, {"CJK", cjkBody}, {"Hangul", hangulBody}, {"Thai", thaiBody}, {"Emoji", emojiBody}} {
		b.Run(c.name, func(b *testing.B) {
			dst := make([]byte, 0, 2*len(c.text))
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				dst, _ = AppendTextSafe(dst[:0], c.text)
			}
		})
	}
}

func BenchmarkSafe(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(htmlBody)))
	for b.Loop() {
		Safe(htmlBody)
	}
}

func BenchmarkDecodeBase64(b *testing.B) {
	raw := make([]byte, 1<<16)
	for i := range raw {
		raw[i] = byte(i * 7)
	}
	text := AppendBase64(nil, raw)
	dst := make([]byte, 0, len(raw))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		var err error
		if dst, err = AppendDecodeBase64(dst[:0], text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendBase64(b *testing.B) {
	raw := make([]byte, 1<<16)
	for i := range raw {
		raw[i] = byte(i * 7)
	}
	dst := make([]byte, 0, 2*len(raw))
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		dst = AppendBase64(dst[:0], raw)
	}
}
