package eashttp

import (
	"net/http"
	"time"

	"github.com/easkit/easkit/version"
)

// Defaults of a Client.
const (
	// DefaultMaxBodySize is the largest response body a Client reads: 64 MiB.
	DefaultMaxBodySize = 64 << 20

	// DefaultMaxHeaderBytes limits the response header a Client's own
	// transport reads: 64 KiB.
	DefaultMaxHeaderBytes = 64 << 10

	// DefaultMaxRedirects is how many 451 redirects one request follows.
	DefaultMaxRedirects = 5

	// DefaultDeviceID is the DeviceId sent when none is configured.
	DefaultDeviceID = "easkit0device"

	// DefaultDeviceType is the DeviceType sent when none is configured.
	DefaultDeviceType = "easkit"

	// DefaultUserAgent is the User-Agent sent when none is configured.
	DefaultUserAgent = "easkit-eashttp/1"
)

// DefaultVersions are the versions a Client implements unless WithVersions
// says otherwise: every published version from 2.5 to 16.1. The caller's
// messages must suit the negotiated version (Client.Version); a client that
// writes only modern messages should pass a subset such as 14.0 to 16.1.
var DefaultVersions = []version.Version{
	version.V2_5, version.V12_0, version.V12_1, version.V14_0,
	version.V14_1, version.V16_0, version.V16_1,
}

// config is what the Options set.
type config struct {
	user, password string
	hasBasic       bool
	queryUser      string
	hasQueryUser   bool
	authHook       func(*http.Request) error
	httpClient     *http.Client
	transport      http.RoundTripper
	deviceID       string
	deviceType     string
	userAgent      string
	acceptLanguage string
	locale         uint16
	versions       []version.Version
	base64         bool
	maxBody        int64
	maxHeader      int64
	maxRedirects   int
	policyKey      string
	now            func() time.Time
	retryWait      time.Duration
	negotiator     *version.Negotiator
	trace          func(*Exchange)
}

// An Option configures a Client; pass options to NewClient.
type Option func(*config)

// WithBasicAuth sends HTTP Basic credentials ([MS-ASHTTP] 2.2.1.1.2.1) and,
// unless WithUser says otherwise, uses user as the User query parameter.
func WithBasicAuth(user, password string) Option {
	return func(c *config) { c.user, c.password, c.hasBasic = user, password, true }
}

// WithUser sets the User query parameter (the plain form's User, the base64
// form's User parameter); "" leaves it out.
func WithUser(name string) Option {
	return func(c *config) { c.queryUser, c.hasQueryUser = name, true }
}

// WithAuthHook calls hook on every request just before it is sent, to add
// credentials such as an OAuth bearer token:
//
//	eashttp.WithAuthHook(func(r *http.Request) error {
//		r.Header.Set("Authorization", "Bearer "+token())
//		return nil
//	})
//
// An error from hook stops the request and is returned wrapped in *OpError.
func WithAuthHook(hook func(*http.Request) error) Option {
	return func(c *config) { c.authHook = hook }
}

// WithHTTPClient makes the Client send its requests with hc, whose
// transport, timeouts, cookie jar and redirect policy then apply.
// WithTransport and the header limit of DefaultMaxHeaderBytes do not:
// set MaxResponseHeaderBytes on hc's transport.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) { c.httpClient = hc }
}

// WithTransport makes the Client's own http.Client use rt (a caller's
// TLS settings, proxy or middleware).
func WithTransport(rt http.RoundTripper) Option {
	return func(c *config) { c.transport = rt }
}

// WithDevice sets the DeviceId and DeviceType query parameters (defaults
// DefaultDeviceID and DefaultDeviceType). The server keys its sync state and
// its device policy by the id: give each device its own.
func WithDevice(id, deviceType string) Option {
	return func(c *config) { c.deviceID, c.deviceType = id, deviceType }
}

// WithUserAgent sets the User-Agent header (default DefaultUserAgent).
func WithUserAgent(ua string) Option {
	return func(c *config) { c.userAgent = ua }
}

// WithAcceptLanguage sets the Accept-Language header; locale is the LCID
// written into base64 queries (0x0409, en-US, by default).
func WithAcceptLanguage(lang string, locale uint16) Option {
	return func(c *config) { c.acceptLanguage, c.locale = lang, locale }
}

// WithVersions sets the versions the client implements (default
// DefaultVersions).
func WithVersions(vs ...version.Version) Option {
	return func(c *config) { c.versions = append([]version.Version(nil), vs...) }
}

// WithBase64Query makes the client send the base64 query form ([MS-ASHTTP]
// 2.2.1.1.1.1) at the versions that allow it (12.1 and later; see
// b64uri.AllowedVersion). The default is the plain form, which every server
// reads.
func WithBase64Query(on bool) Option {
	return func(c *config) { c.base64 = on }
}

// WithMaxBodySize limits the response bodies the client reads (default
// DefaultMaxBodySize); a longer body is an error wrapping ErrTooLarge.
func WithMaxBodySize(n int64) Option {
	return func(c *config) { c.maxBody = n }
}

// WithMaxHeaderBytes limits the response header size of the client's own
// transport (default DefaultMaxHeaderBytes).
func WithMaxHeaderBytes(n int64) Option {
	return func(c *config) { c.maxHeader = n }
}

// WithMaxRedirects limits the 451 redirects one request follows (default
// DefaultMaxRedirects).
func WithMaxRedirects(n int) Option {
	return func(c *config) { c.maxRedirects = n }
}

// WithPolicyKey sets the policy key sent in X-MS-PolicyKey from the start, a
// key kept from an earlier session.
func WithPolicyKey(key string) Option {
	return func(c *config) { c.policyKey = key }
}

// WithClock replaces time.Now for the 24-hour version recheck.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}

// WithRetryWait makes the client wait out an HTTP 503 whose Retry-After is
// at most max, once per request, and retry; a wait that would pass the
// context's deadline is not started. The default, 0, never waits: the
// *StatusError carries RetryAfter.
func WithRetryWait(max time.Duration) Option {
	return func(c *config) { c.retryWait = max }
}

// WithNegotiator starts the client from negotiation state kept from an
// earlier session (its Client field is replaced by the client's versions).
func WithNegotiator(n version.Negotiator) Option {
	return func(c *config) { c.negotiator = &n }
}
