package capture

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/easkit/easkit/b64uri"
)

func TestRedaction(t *testing.T) {
	const password = "s3cr3t-pa55"
	basic := base64.StdEncoding.EncodeToString([]byte("alice:" + password))
	q := b64uri.Query{Version: 141, Command: b64uri.CmdSync, Locale: 0x0409,
		DeviceID: []byte("dev1"), DeviceType: []byte("Phone"), PolicyKey: 3942919513, HasPolicyKey: true}
	enc, err := q.AppendEncode(nil)
	if err != nil {
		t.Fatal(err)
	}
	session := "POST /Microsoft-Server-ActiveSync?" + string(enc) + " HTTP/1.1\r\n" +
		"Authorization: Basic " + basic + "\r\n" +
		"Cookie: a=1; ASP.NET_SessionId=zzsessionzz\r\n" +
		"X-MS-PolicyKey: 3942919513\r\n" +
		"Content-Length: 15\r\n\r\n" + pingBody +
		"HTTP/1.1 200 OK\r\nSet-Cookie: X-BackEndCookie=yybackendyy\r\nContent-Length: 0\r\n\r\n" +
		"GET /owa/?access_token=xxtokenxx&realm=x HTTP/1.1\r\nProxy-Authorization: Bearer eyJtokentoken\r\n\r\n"
	ms := messages(t, session)
	secrets := []string{password, basic, "zzsessionzz", "3942919513", "yybackendyy", "xxtokenxx", "eyJtokentoken", string(enc)}
	var all strings.Builder
	for _, m := range ms {
		text, _ := m.Describe()
		all.WriteString(text)
		all.WriteString(m.Skipped())
	}
	for _, s := range secrets {
		if strings.Contains(all.String(), s) {
			t.Errorf("redacted output holds the secret %q:\n%s", s, all.String())
		}
	}
	for _, want := range []string{
		`Authorization: Basic <redacted: user "alice">`,
		"Cookie: <redacted: 2 cookies>",
		"X-MS-PolicyKey: <redacted>",
		"Set-Cookie: <redacted>",
		"Proxy-Authorization: Bearer <redacted>",
		"PolicyKey: <redacted>",
		"?<redacted: base64 query with a policy key, decoded below> HTTP/1.1",
		"access_token=<redacted>&realm=x",
		"DeviceId: dev1",
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("redacted output lacks %q:\n%s", want, all.String())
		}
	}
	var shown strings.Builder
	for _, m := range ms {
		text, _ := m.Describe(WithSecrets(true))
		shown.WriteString(text)
		shown.WriteString(m.Skipped(WithSecrets(true)))
	}
	for _, s := range secrets[1:] { // the password itself is only inside the base64
		if !strings.Contains(shown.String(), s) {
			t.Errorf("WithSecrets(true) output lacks %q", s)
		}
	}
}

func TestRedactHeader(t *testing.T) {
	for in, want := range map[string]string{
		"Basic " + base64.StdEncoding.EncodeToString([]byte("bob:x")): `Basic <redacted: user "bob">`,
		"Basic not-base64!": "Basic <redacted>",
		"Basic " + base64.StdEncoding.EncodeToString([]byte("nocolon")): "Basic <redacted>",
		"NTLM TlRMTVNTUAAB": "NTLM <redacted>",
		"":                  "<redacted>",
	} {
		if got := redactHeader(Field{Name: "Authorization", Value: in}); got != want {
			t.Errorf("redactHeader(%q) = %q, want %q", in, got, want)
		}
	}
}
