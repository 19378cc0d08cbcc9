package capture

import (
	"bytes"
	"encoding/base64"
	"strconv"
	"strings"
)

// WithSecrets says whether [Message.Describe] and [Message.Skipped] show
// the secrets a capture holds as they are (default false: redacted). A
// secret is the value of an Authorization, Proxy-Authorization, Cookie,
// Set-Cookie or X-MS-PolicyKey header field (of the header or the
// trailer), a request's policy key (in a base64 query and its plain form),
// and the value of a plain query parameter whose name says it is one (a
// token, key, password, secret, signature or session id). A redacted value
// keeps what helps debugging and nothing that grants access: the
// authentication scheme, and for Basic the user name; the number of
// cookies; that a policy key was sent.
func WithSecrets(show bool) Option {
	return func(c *config) { c.secrets = show }
}

// describeConfig applies the options of Describe and Skipped.
func describeConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// secretHeader reports whether a header field's value is a secret.
func secretHeader(name string) bool {
	for _, s := range [...]string{"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-MS-PolicyKey"} {
		if strings.EqualFold(name, s) {
			return true
		}
	}
	return false
}

// redactHeader returns the value of header field f as Describe shows it.
func redactHeader(f Field) string {
	switch {
	case strings.EqualFold(f.Name, "Authorization") || strings.EqualFold(f.Name, "Proxy-Authorization"):
		scheme, cred, _ := strings.Cut(strings.TrimSpace(f.Value), " ")
		if scheme == "" {
			return "<redacted>"
		}
		if strings.EqualFold(scheme, "Basic") {
			if raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(cred)); err == nil {
				if user, _, ok := bytes.Cut(raw, []byte{':'}); ok {
					return scheme + " <redacted: user " + strconv.Quote(string(user)) + ">"
				}
			}
		}
		return scheme + " <redacted>"
	case strings.EqualFold(f.Name, "Cookie"):
		n := strings.Count(f.Value, ";") + 1
		if strings.TrimSpace(f.Value) == "" {
			n = 0
		}
		return "<redacted: " + plural(n, "cookie") + ">"
	}
	return "<redacted>"
}

// headerValue returns the value of f to show.
func (c *config) headerValue(f Field) string {
	if c.secrets || !secretHeader(f.Name) {
		return f.Value
	}
	return redactHeader(f)
}

// secretParam reports whether a plain query parameter holds a secret, by
// its name.
func secretParam(name string) bool {
	n := strings.ToLower(name)
	for _, s := range [...]string{"token", "key", "pass", "pwd", "secret", "sig", "auth", "session", "sid", "code"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// target returns the request target as Describe shows it: a plain query's
// secret parameters redacted, a base64 query that carries a policy key
// replaced by a note (its fields are shown decoded, redacted).
func (c *config) target(m *Message) string {
	t := m.Target
	if c.secrets || m.Kind != KindRequest {
		return t
	}
	q := m.Query()
	if q.Raw == "" {
		return t
	}
	i := strings.Index(t, q.Raw)
	if i < 0 {
		return t
	}
	var raw string
	switch {
	case q.Plain:
		parts := strings.Split(q.Raw, "&")
		changed := false
		for j, kv := range parts {
			if k, _, ok := strings.Cut(kv, "="); ok && secretParam(unescape(k)) {
				parts[j] = k + "=<redacted>"
				changed = true
			}
		}
		if !changed {
			return t
		}
		raw = strings.Join(parts, "&")
	case q.Decoded && q.Base64.HasPolicyKey:
		raw = "<redacted: base64 query with a policy key, decoded below>"
	default:
		return t
	}
	return t[:i] + raw + t[i+len(q.Raw):]
}

// startLine returns m's start line with its target as c shows it.
func (c *config) startLine(m *Message) string {
	if m.Kind != KindRequest {
		return m.StartLine()
	}
	s := m.StartLine()
	if t := c.target(m); t != m.Target {
		s = strings.Replace(s, m.Target, t, 1)
	}
	return s
}

// paramValue returns the value of a query field to show.
func (c *config) paramValue(name, value string) string {
	if c.secrets || !(secretParam(name) || strings.EqualFold(name, "X-MS-PolicyKey")) {
		return value
	}
	return "<redacted>"
}
