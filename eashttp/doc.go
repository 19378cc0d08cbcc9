// Package eashttp carries Exchange ActiveSync commands over HTTP, as
// [MS-ASHTTP] describes: a Client that holds one device's conversation with a
// server, and a small server kit (ParseRequest, the Write functions, Handler)
// for test servers, proxies and probes.
//
// # Client
//
// NewClient takes the server URL (…/Microsoft-Server-ActiveSync) and
// Options: credentials (WithBasicAuth, or WithAuthHook for OAuth bearer
// tokens), the device (WithDevice), the versions the client implements
// (WithVersions; DefaultVersions is every version from 2.5 to 16.1), the
// query form (plain by default, WithBase64Query for 12.1 and later), limits
// and the initial policy key. Client.Do sends one command and returns the
// Response; Client.DoCall takes a Call with command parameters (ItemId,
// SaveInSent, …); Client.DoMessage sends an eas.Builder's message and parses
// the answer.
//
// On the way the client does what the protocol asks of it:
//
//   - Version negotiation (Microsoft's "Version negotiation in Exchange
//     ActiveSync" guidance, driven by version.Negotiator): HTTP OPTIONS on
//     first use and when version.RecheckInterval has passed (WithClock makes
//     time testable); when OPTIONS lists no versions, FolderSync with SyncKey
//     0 from the highest version down; HTTP 400 steps down one version and
//     retries once; X-MS-RP ([MS-ASHTTP] 3.1.5.1) and every version change set
//     Response.ResyncAdvised.
//   - HTTP 451 Redirect ([MS-ASHTTP] 3.1.5.2.2): the URL in X-MS-Location is
//     used for this and every later request; a 451 without it, a redirect
//     from https to http and more than WithMaxRedirects redirects are errors.
//   - HTTP 449, and the global Status 140, 142, 143 and 144 of [MS-ASCMD]
//     2.2.2 in a WBXML body: Client.Provision runs the two phases of
//     [MS-ASPROV] 3.1.5.1 (request the policy, acknowledge the temporary key
//     with Status 1), keeps the final key for X-MS-PolicyKey, and the command
//     is sent again, once.
//   - HTTP 503 with Retry-After: a *StatusError with RetryAfter, or a wait and
//     one retry with WithRetryWait.
//
// Every other status outside 2xx is a *StatusError with the meaning of the
// code, advice (401 and 403: check the credentials, run Autodiscover; 500:
// Autodiscover; 507: the mailbox is full) and a sentinel for errors.Is.
// Failures without a status are *OpError values naming the step (OPTIONS,
// Provision, FolderSync, …), the URL and the cause.
//
// WithTrace reports every HTTP exchange the client makes (request and
// response, headers with the credentials redacted, bodies, timing, the
// WithStep label of the context), for verbose output and HAR files.
// Autodiscover finds a mailbox's ActiveSync URL from its e-mail address
// ([MS-ASCMD] 2.2.2.1) and records each try.
//
// # Server kit
//
// ParseRequest reads a command request in either query form, with its
// headers and body, into a Request. WriteOptions, WriteWBXML, WriteStatus,
// WriteRedirect and WriteRetryAfter write the responses, and Handler routes
// commands to funcs and answers OPTIONS itself: a test server fits in a page
// (see the examples).
//
// # Security Considerations
//
// The password and the Authorization header never appear in an error: URLs in
// errors have their user information and their query removed, a server URL
// that does not parse is not quoted, and net/http's *url.Error (which quotes
// the URL) is unwrapped. User information in the server URL is moved into
// Basic credentials and removed from the URL.
//
// Servers are not trusted. Response bodies are read through a limit
// (WithMaxBodySize, 64 MiB by default) and a longer body is an error
// wrapping ErrTooLarge, before more than the limit is held; the client's own
// transport limits response headers (WithMaxHeaderBytes, 64 KiB); reading
// is bound to the request's context, so a server that stalls or drips bytes
// cannot hold Do past the context's deadline; every response body is closed.
// A caller's http.Client (WithHTTPClient) brings its own header limit.
//
// Credentials follow 451 redirects, which the protocol defines as the move
// to the server that holds the mailbox, but never from https to http, and at
// most WithMaxRedirects times per request. Plain HTTP redirects (3xx) are
// left to net/http, which does not forward the Authorization header to a
// host other than the original one or its subdomains.
//
// The server kit reads request bodies through a limit too (413 beyond it),
// decodes base64 queries with b64uri's bounds, and parses WBXML with package
// eas, whose parser is meant for untrusted input. Handler does no
// authentication of its own, and Request keeps the Basic user name only.
package eashttp
