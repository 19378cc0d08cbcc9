package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/eashttp"
	"github.com/easkit/easkit/version"
)

// clientVersions are the versions whose messages easprobe writes.
var clientVersions = []version.Version{version.V12_0, version.V12_1, version.V14_0, version.V14_1, version.V16_0, version.V16_1}

// hooks let tests reach what the command line does not: trusted roots, the
// Autodiscover tries, host lookups, the clock and the Ping slack.
var hooks struct {
	roots        *x509.CertPool
	autodiscover func(*eashttp.AutodiscoverOptions)
	lookupHost   func(ctx context.Context, host string) ([]string, error)
	now          func() time.Time
	pingSlack    time.Duration
}

// step is one line of the report.
type step struct {
	Name       string   `json:"name"`
	OK         bool     `json:"ok"`
	Skipped    bool     `json:"skipped"`
	DurationMS int64    `json:"duration_ms"`
	Detail     string   `json:"detail"`
	Advice     string   `json:"advice"`
	Warnings   []string `json:"warnings"`
	Tries      []try    `json:"tries,omitempty"`

	dur time.Duration
}

// try is one Autodiscover request, as reported.
type try struct {
	Method string `json:"method"`
	URL    string `json:"url"`
	Source string `json:"source"`
	Status int    `json:"status"`
	Result string `json:"result"`
	OK     bool   `json:"ok"`
}

// report is the whole run, as -json prints it.
type report struct {
	URL     string  `json:"url"`
	User    string  `json:"user"`
	Version string  `json:"version"`
	OK      bool    `json:"ok"`
	Steps   []*step `json:"steps"`
}

// prober runs the steps.
type prober struct {
	o        *options
	password string
	secrets  []string
	out      io.Writer // the step lines (nil with -json)
	vout     io.Writer // the exchanges of -v, or nil
	rep      *report

	transport *http.Transport
	client    *eashttp.Client
	u         *url.URL
	addrs     []string
	optRes    *eashttp.OptionsResult
	inbox     string
	tries     []try

	mu    sync.Mutex
	trace []*eashttp.Exchange
}

func newProber(o *options, password string, stdout, stderr io.Writer) *prober {
	p := &prober{o: o, password: password, secrets: secretsOf(o.user, password), out: stdout, rep: &report{User: o.user}}
	if o.json {
		p.out = nil
	}
	if o.verbose {
		p.vout = stdout
		if o.json {
			p.vout = stderr
		}
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{RootCAs: hooks.roots, InsecureSkipVerify: o.insecure}
	t.MaxResponseHeaderBytes = eashttp.DefaultMaxHeaderBytes
	p.transport = t
	return p
}

// now is the clock.
func now() time.Time {
	if hooks.now != nil {
		return hooks.now()
	}
	return time.Now()
}

// record is the trace hook: it keeps every exchange and prints it with -v.
func (p *prober) record(e *eashttp.Exchange) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.trace = append(p.trace, e)
	if p.vout != nil {
		writeExchange(p.vout, e, p.secrets)
	}
}

// exchanges returns what record kept.
func (p *prober) exchanges() []*eashttp.Exchange {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.trace)
}

// outcome is what a step function found.
type outcome struct {
	detail   string
	warnings []string
	advice   string
	skip     bool // not applicable (TLS over http), which is no failure
}

// stepFunc runs one step.
type stepFunc func(ctx context.Context) (outcome, error)

// run runs every step and returns the report.
func (p *prober) run(ctx context.Context) *report {
	steps := []struct {
		name string
		fn   stepFunc
	}{
		{"DNS", p.dns}, {"TCP", p.tcp}, {"TLS", p.tls},
		{"OPTIONS", p.options}, {"Version", p.version}, {"Provision", p.provision},
		{"FolderSync", p.folderSync}, {"Sync", p.sync}, {"Ping", p.ping},
	}
	if p.o.target == "" {
		steps = append(steps[:0:0], append([]struct {
			name string
			fn   stepFunc
		}{{"Autodiscover", p.autodiscover}}, steps...)...)
	} else {
		p.setURL(p.o.target)
	}
	if p.out != nil {
		target := p.o.target
		if target == "" {
			target = "Autodiscover for " + p.o.user
		}
		fmt.Fprintf(p.out, "easprobe: %s, user %s\n", target, p.o.user)
	}
	failed := ""
	for _, s := range steps {
		st := &step{Name: s.name, Warnings: []string{}}
		p.rep.Steps = append(p.rep.Steps, st)
		if failed != "" {
			st.Skipped = true
			st.Detail = "skipped: " + failed + " failed"
			p.print(st)
			continue
		}
		limit := p.o.timeout
		switch s.name {
		case "Ping":
			limit = p.o.heartbeat + p.pingSlack()
		case "Autodiscover":
			limit = 8 * p.o.timeout // each try has -timeout
		}
		sctx, cancel := context.WithTimeout(eashttp.WithStep(ctx, s.name), limit)
		before := p.clientURL()
		start := time.Now()
		out, err := s.fn(sctx)
		st.dur = time.Since(start)
		cancel()
		st.DurationMS = st.dur.Milliseconds()
		st.Detail, st.Advice = out.detail, out.advice
		st.Warnings = append(st.Warnings, out.warnings...)
		if after := p.clientURL(); before != "" && after != before {
			st.Warnings = append(st.Warnings, "HTTP 451 Redirect: the mailbox is served at "+after+"; the device should use that URL from now on")
		}
		switch {
		case err != nil:
			st.Detail, st.Advice = describe(err, out)
			failed = s.name
		case out.skip:
			st.Skipped = true
		default:
			st.OK = true
		}
		if s.name == "Autodiscover" {
			st.Tries = p.tries
		}
		p.print(st)
	}
	if p.client != nil {
		p.client.CloseIdleConnections()
		if v := p.client.Version(); v != 0 {
			p.rep.Version = v.String()
		}
		p.rep.URL = p.client.URL()
	} else if p.u != nil {
		p.rep.URL = p.u.String()
	}
	p.transport.CloseIdleConnections()
	p.rep.OK = failed == ""
	if p.out != nil {
		passed, skipped := 0, 0
		for _, s := range p.rep.Steps {
			if s.OK {
				passed++
			} else if s.Skipped {
				skipped++
			}
		}
		if failed == "" {
			fmt.Fprintf(p.out, "passed: %d of %d steps", passed, len(p.rep.Steps))
			if skipped > 0 {
				fmt.Fprintf(p.out, " (%d not applicable)", skipped)
			}
			fmt.Fprintln(p.out)
		} else {
			fmt.Fprintf(p.out, "failed: %s (%d passed, %d skipped)\n", failed, passed, skipped)
		}
	}
	return p.rep
}

// pingSlack is how long past the heartbeat easprobe waits for the Ping
// response.
func (p *prober) pingSlack() time.Duration {
	if hooks.pingSlack > 0 {
		return hooks.pingSlack
	}
	return 15 * time.Second
}

// clientURL is the client's URL, or "" before there is a client.
func (p *prober) clientURL() string {
	if p.client == nil {
		return ""
	}
	return p.client.URL()
}

// setURL makes raw the ActiveSync URL and makes the client for it.
func (p *prober) setURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("the URL is not an http:// or https:// URL")
	}
	u.User = nil
	p.u = u
	return p.newClient(raw)
}

// newClient makes the client for raw, with opts.
func (p *prober) newClient(raw string, opts ...eashttp.Option) error {
	opts = append([]eashttp.Option{
		eashttp.WithBasicAuth(p.o.user, p.password),
		eashttp.WithDevice(p.o.device, "easprobe"),
		eashttp.WithUserAgent("easprobe/1"),
		eashttp.WithVersions(clientVersions...),
		eashttp.WithTransport(p.transport),
		eashttp.WithTrace(p.record),
	}, opts...)
	c, err := eashttp.NewClient(raw, opts...)
	if err != nil {
		return err
	}
	p.client = c
	return nil
}

// describe turns a step's error into its detail and advice.
func describe(err error, out outcome) (detail, advice string) {
	advice = out.advice
	var se *eashttp.StatusError
	if errors.As(err, &se) {
		detail = fmt.Sprintf("HTTP %d %s", se.Code, se.Meaning)
		if se.RetryAfter > 0 {
			detail += fmt.Sprintf(" (Retry-After %s)", se.RetryAfter)
		}
		if se.Location != "" {
			detail += " (X-MS-Location " + se.Location + ")"
		}
		if advice == "" {
			advice = se.Advice
		}
		if out.detail != "" {
			detail = out.detail + ": " + detail
		}
		return detail, advice
	}
	msg := strings.TrimPrefix(err.Error(), "eashttp: ")
	var oe *eashttp.OpError
	if errors.As(err, &oe) {
		msg = oe.Err.Error()
		if errors.Is(err, context.DeadlineExceeded) {
			msg = "no answer in time"
		}
	}
	if errors.Is(err, context.DeadlineExceeded) && advice == "" {
		advice = "the server did not answer in time; check that it is up, or raise -timeout"
	}
	if out.detail != "" {
		msg = out.detail + ": " + msg
	}
	return strings.Join(strings.Fields(msg), " "), advice
}

// autodiscover runs Autodiscover for the user's address.
func (p *prober) autodiscover(ctx context.Context) (outcome, error) {
	opts := &eashttp.AutodiscoverOptions{
		HTTPClient: &http.Client{Transport: p.transport},
		TryTimeout: p.o.timeout,
		Trace:      p.record,
	}
	if p.o.autodiscover != "" {
		opts.URLs = []string{p.o.autodiscover}
		_, domain, _ := strings.Cut(p.o.user, "@")
		opts.URLs = append(opts.URLs, "https://autodiscover."+domain+"/autodiscover/autodiscover.xml")
	}
	if hooks.autodiscover != nil {
		hooks.autodiscover(opts)
	}
	res, err := eashttp.Autodiscover(ctx, p.o.user, p.password, opts)
	if res != nil {
		for _, t := range res.Tries {
			p.tries = append(p.tries, try{Method: t.Method, URL: t.URL, Source: t.Source, Status: t.Status, Result: t.Result, OK: t.Err == nil})
		}
	}
	if err != nil {
		var ae *eashttp.AutodiscoverError
		if errors.As(err, &ae) {
			err = errors.New(ae.Msg)
		}
		return outcome{advice: "check the address, the autodiscover.<domain> DNS record and the Autodiscover service; or give the ActiveSync URL"}, err
	}
	if err := p.setURL(res.URL); err != nil {
		return outcome{}, fmt.Errorf("the Mobile Sync URL: %v", err)
	}
	detail := "Mobile Sync URL " + p.u.String()
	if res.EMailAddress != p.o.user {
		detail += " (for " + res.EMailAddress + ")"
	}
	return outcome{detail: detail}, nil
}

// dns resolves the host.
func (p *prober) dns(ctx context.Context) (outcome, error) {
	host := p.u.Hostname()
	if ip := net.ParseIP(host); ip != nil {
		p.addrs = []string{host}
		return outcome{detail: host + " is an IP address"}, nil
	}
	lookup := net.DefaultResolver.LookupHost
	if hooks.lookupHost != nil {
		lookup = hooks.lookupHost
	}
	addrs, err := lookup(ctx, host)
	if err != nil || len(addrs) == 0 {
		if err == nil {
			err = errors.New("no addresses")
		}
		var de *net.DNSError
		if errors.As(err, &de) {
			err = errors.New(strings.TrimPrefix(de.Err, "lookup "))
			if de.IsNotFound {
				err = errors.New("no such host")
			}
		}
		return outcome{detail: host, advice: "check the host name and its DNS record (A or AAAA)"}, err
	}
	p.addrs = addrs
	return outcome{detail: host + " → " + strings.Join(addrs, ", ")}, nil
}

// port is the URL's port, or the scheme's.
func (p *prober) port() string {
	if port := p.u.Port(); port != "" {
		return port
	}
	if p.u.Scheme == "http" {
		return "80"
	}
	return "443"
}

// tcp connects to the first address that answers.
func (p *prober) tcp(ctx context.Context) (outcome, error) {
	var d net.Dialer
	var last error
	for _, a := range p.addrs {
		addr := net.JoinHostPort(a, p.port())
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			conn.Close()
			return outcome{detail: "connected to " + addr}, nil
		}
		last = err
	}
	var oe *net.OpError
	if errors.As(last, &oe) {
		last = oe.Err
	}
	return outcome{detail: "port " + p.port(), advice: "check that the server listens on port " + p.port() + " and that no firewall blocks it"}, last
}

// tls checks the certificate: its chain, subject, issuer and expiry.
func (p *prober) tls(ctx context.Context) (outcome, error) {
	if p.u.Scheme == "http" {
		return outcome{skip: true, detail: "not used: http:// URL", warnings: []string{"http:// sends the password in clear text; use https://"}}, nil
	}
	host := p.u.Hostname()
	d := tls.Dialer{Config: &tls.Config{ServerName: host, InsecureSkipVerify: true}}
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(p.addrs[0], p.port()))
	if err != nil {
		var oe *net.OpError
		if errors.As(err, &oe) {
			err = oe.Err
		}
		return outcome{detail: "handshake", advice: "the server does not speak TLS on port " + p.port() + ", or refuses this client's TLS versions"}, err
	}
	defer conn.Close()
	state := conn.(*tls.Conn).ConnectionState()
	if len(state.PeerCertificates) == 0 {
		return outcome{}, errors.New("the server sent no certificate")
	}
	leaf := state.PeerCertificates[0]
	inter := x509.NewCertPool()
	for _, c := range state.PeerCertificates[1:] {
		inter.AddCert(c)
	}
	_, verr := leaf.Verify(x509.VerifyOptions{DNSName: host, Roots: hooks.roots, Intermediates: inter, CurrentTime: now()})
	days := int(leaf.NotAfter.Sub(now()).Hours() / 24)
	detail := fmt.Sprintf("%s; certificate %q issued by %q, expires %s (%d days)",
		tls.VersionName(state.Version), certName(leaf.Subject, leaf), certName(leaf.Issuer, nil), leaf.NotAfter.UTC().Format("2006-01-02"), days)
	var out outcome
	if days < 30 && verr == nil {
		out.warnings = append(out.warnings, fmt.Sprintf("the certificate expires in %d days: renew it", days))
	}
	if verr != nil {
		why := strings.TrimPrefix(verr.Error(), "x509: ")
		if !p.o.insecure {
			out.detail = detail
			out.advice = "the certificate must name " + host + ", be valid now and chain to a trusted root (install the intermediate certificates on the server); -insecure goes on regardless"
			return out, fmt.Errorf("certificate not trusted: %s", why)
		}
		out.warnings = append(out.warnings, "certificate not trusted ("+why+"); going on because of -insecure")
		out.detail = detail + "; chain not verified"
		return out, nil
	}
	out.detail = detail + "; chain verified"
	return out, nil
}

// certName names a certificate's subject or issuer: its CN, else (for a
// subject) the first DNS name of leaf, else its O, else the whole name.
func certName(n pkix.Name, leaf *x509.Certificate) string {
	switch {
	case n.CommonName != "":
		return n.CommonName
	case leaf != nil && len(leaf.DNSNames) > 0:
		return leaf.DNSNames[0]
	case len(n.Organization) > 0:
		return n.Organization[0]
	}
	return n.String()
}

// options sends HTTP OPTIONS.
func (p *prober) options(ctx context.Context) (outcome, error) {
	res, err := p.client.Options(ctx)
	var se *eashttp.StatusError
	if errors.As(err, &se) {
		switch se.Code {
		case 400, 403, 404, 405, 501:
			// Negotiate falls back on FolderSync.
			return outcome{
				detail:   fmt.Sprintf("HTTP %d %s", se.Code, se.Meaning),
				warnings: []string{"OPTIONS is refused; the version will come from FolderSync"},
			}, nil
		}
	}
	if err != nil {
		return outcome{}, err
	}
	p.optRes = res
	var out outcome
	if res.VersionsHeader == "" {
		out.detail = "no MS-ASProtocolVersions header"
		out.warnings = append(out.warnings, "OPTIONS lists no versions (a proxy may strip MS-ASProtocolVersions); the version will come from FolderSync")
		return out, nil
	}
	out.detail = "versions " + res.VersionsHeader
	if len(res.Commands) > 0 {
		out.detail += fmt.Sprintf("; %d commands: %s", len(res.Commands), strings.Join(res.Commands, ","))
	} else {
		out.warnings = append(out.warnings, "OPTIONS lists no commands (MS-ASProtocolCommands)")
	}
	if res.Server != "" {
		out.detail += "; server " + res.Server
	}
	for _, cmd := range []string{"Provision", "FolderSync", "Sync", "Ping"} {
		if len(res.Commands) > 0 && !slices.Contains(res.Commands, cmd) {
			out.warnings = append(out.warnings, "the server does not list "+cmd)
		}
	}
	if res.VersionsErr != nil {
		out.warnings = append(out.warnings, "MS-ASProtocolVersions does not parse: "+res.VersionsErr.Error())
	}
	return out, nil
}

// version chooses the protocol version.
func (p *prober) version(ctx context.Context) (outcome, error) {
	speaks := "easprobe speaks " + version.FormatList(clientVersions)
	if p.optRes != nil && p.optRes.VersionsHeader != "" {
		n := version.Negotiator{Client: clientVersions}
		d, err := n.Observe(version.FromOptions, p.optRes.VersionsHeader, time.Now())
		if err != nil {
			var nc *version.NoCommonError
			if errors.As(err, &nc) {
				return outcome{
					detail: "Could not negotiate an appropriate Airsync version with server",
					advice: "the server offers " + version.FormatList(nc.Server) + "; " + speaks + " (a server this old, or this new, needs another client)",
				}, errors.New(strings.TrimPrefix(err.Error(), "version: "))
			}
			return outcome{detail: "MS-ASProtocolVersions"}, err
		}
		if err := p.newClient(p.client.URL(), eashttp.WithNegotiator(n)); err != nil {
			return outcome{}, err
		}
		return outcome{detail: d.Version.String() + ", the highest both sides speak"}, nil
	}
	d, err := p.client.Negotiate(ctx)
	if err != nil {
		var nc *version.NoCommonError
		if errors.As(err, &nc) {
			return outcome{detail: "Could not negotiate an appropriate Airsync version with server", advice: speaks}, err
		}
		return outcome{detail: "FolderSync probe"}, err
	}
	return outcome{detail: d.Version.String() + ", found with FolderSync (OPTIONS listed no versions)"}, nil
}

// policyKeys are the settings the Provision line shows, when present.
var policyKeys = []string{
	"DevicePasswordEnabled", "AlphanumericDevicePasswordRequired", "MinDevicePasswordLength",
	"MaxInactivityTimeDeviceLock", "MaxDevicePasswordFailedAttempts", "RequireDeviceEncryption",
	"AllowSimpleDevicePassword", "DevicePasswordExpiration",
}

// provision runs both phases.
func (p *prober) provision(ctx context.Context) (outcome, error) {
	pol, err := p.client.Provision(ctx)
	if errors.Is(err, eashttp.ErrRemoteWipe) {
		return outcome{advice: "the server asked this device (" + p.o.device + ") to wipe itself, which easprobe does not acknowledge; remove the device's partnership on the server"}, errors.New("remote wipe requested")
	}
	var pe *eashttp.ProvisionError
	if errors.As(err, &pe) {
		return outcome{advice: "the server refused to provision the device: check its device access rules (quarantine, blocked device types) and the mailbox's ActiveSync policy"}, errors.New(strings.TrimPrefix(err.Error(), "eashttp: "))
	}
	if err != nil {
		return outcome{}, err
	}
	if pol.Status == 2 {
		return outcome{detail: "no policy for this device"}, nil
	}
	var set []string
	for _, k := range policyKeys {
		if v, ok := pol.Settings[k]; ok {
			set = append(set, k+"="+v)
		}
	}
	detail := fmt.Sprintf("policy key %s (temporary %s)", pol.Key, pol.TemporaryKey)
	if len(set) > 0 {
		detail += ": " + strings.Join(set, ", ")
	}
	if n := len(pol.Settings) - len(set); n > 0 {
		detail += fmt.Sprintf(" and %d more settings", n)
	}
	return outcome{detail: detail}, nil
}

// folderSync lists the folders and finds the Inbox.
func (p *prober) folderSync(ctx context.Context) (outcome, error) {
	var b eas.Builder
	b.Start(codepages.FolderHierarchyFolderSync)
	b.Text(codepages.FolderHierarchySyncKey, "0")
	root, _, err := p.client.DoMessage(ctx, "FolderSync", &b)
	if err != nil {
		return outcome{}, err
	}
	if root == nil || root.Tag() != codepages.FolderHierarchyFolderSync {
		return outcome{}, errors.New("the response is not a FolderSync message")
	}
	if st, _ := root.Child(codepages.FolderHierarchyStatus).Int(); st != 1 {
		return outcome{advice: folderSyncAdvice(int(st))}, fmt.Errorf("FolderSync Status %d", st)
	}
	adds := root.All(codepages.FolderHierarchyChanges, codepages.FolderHierarchyAdd)
	for _, a := range adds {
		if t, _ := a.Child(codepages.FolderHierarchyType).Int(); t == 2 {
			p.inbox = a.Child(codepages.FolderHierarchyServerId).Text()
			return outcome{detail: fmt.Sprintf("%d folders; Inbox %q (id %s)", len(adds), a.Child(codepages.FolderHierarchyDisplayName).Text(), p.inbox)}, nil
		}
	}
	return outcome{detail: fmt.Sprintf("%d folders", len(adds)), advice: "the mailbox must have an Inbox (FolderHierarchy Type 2)"}, errors.New("no Inbox")
}

// folderSyncAdvice explains a FolderSync Status ([MS-ASCMD] 2.2.3.177.4).
func folderSyncAdvice(st int) string {
	switch st {
	case 6:
		return "a server error; retry later"
	case 9:
		return "the server lost the folder hierarchy state; start over from SyncKey 0"
	case 10:
		return "the request is malformed"
	case 11:
		return "an unknown error; retry later"
	case 12:
		return "the server failed; retry later"
	}
	return "see [MS-ASCMD] 2.2.3.177.4 for the status"
}

// syncRequest is a Sync of the Inbox with key; changes asks for one item.
func (p *prober) syncRequest(key string, changes bool) *eas.Builder {
	var b eas.Builder
	b.Start(codepages.AirSyncSync)
	b.Start(codepages.AirSyncCollections)
	b.Start(codepages.AirSyncCollection)
	if p.client.Version() < version.V12_1 {
		b.Text(codepages.AirSyncClass, "Email")
	}
	b.Text(codepages.AirSyncSyncKey, key)
	b.Text(codepages.AirSyncCollectionId, p.inbox)
	if changes {
		b.Empty(codepages.AirSyncGetChanges)
		b.Int(codepages.AirSyncWindowSize, 1)
	}
	return &b
}

// sync reads the Inbox: SyncKey 0, then one GetChanges with WindowSize 1.
// Nothing is sent to the server.
func (p *prober) sync(ctx context.Context) (outcome, error) {
	root, _, err := p.client.DoMessage(ctx, "Sync", p.syncRequest("0", false))
	if err != nil {
		return outcome{detail: "SyncKey 0"}, err
	}
	col, err := syncCollection(root)
	if err != nil {
		return outcome{detail: "SyncKey 0"}, err
	}
	key := col.Child(codepages.AirSyncSyncKey).Text()
	if key == "" || key == "0" {
		return outcome{detail: "SyncKey 0"}, errors.New("the server gave no SyncKey")
	}
	root, _, err = p.client.DoMessage(ctx, "Sync", p.syncRequest(key, true))
	if err != nil {
		return outcome{detail: "GetChanges"}, err
	}
	detail := "SyncKey 0 → " + key + ", then GetChanges: "
	if root == nil {
		return outcome{detail: detail + "no changes"}, nil
	}
	col, err = syncCollection(root)
	if err != nil {
		return outcome{detail: "GetChanges"}, err
	}
	n := len(col.All(codepages.AirSyncCommands, codepages.AirSyncAdd))
	detail += fmt.Sprintf("%d item", n)
	if n != 1 {
		detail += "s"
	}
	if col.Child(codepages.AirSyncMoreAvailable) != nil {
		detail += " (more available)"
	}
	return outcome{detail: detail}, nil
}

// syncCollection returns the Inbox collection of a Sync response, with
// Status 1.
func syncCollection(root *eas.Element) (*eas.Element, error) {
	if root == nil || root.Tag() != codepages.AirSyncSync {
		return nil, errors.New("the response is not a Sync message")
	}
	if st := root.Child(codepages.AirSyncStatus); st != nil {
		n, _ := st.Int()
		return nil, fmt.Errorf("status %d in the Sync response", n)
	}
	col := root.Find(codepages.AirSyncCollections, codepages.AirSyncCollection)
	if col == nil {
		return nil, errors.New("the response has no Collection")
	}
	if n, _ := col.Child(codepages.AirSyncStatus).Int(); n != 1 {
		return nil, fmt.Errorf("status %d in the Sync response", n)
	}
	return col, nil
}

// ping waits for changes in the Inbox for one heartbeat.
func (p *prober) ping(ctx context.Context) (outcome, error) {
	hb := int64(p.o.heartbeat.Round(time.Second) / time.Second)
	var b eas.Builder
	b.Start(codepages.PingPing)
	b.Int(codepages.PingHeartbeatInterval, hb)
	b.Start(codepages.PingFolders)
	b.Start(codepages.PingFolder)
	b.Text(codepages.PingId, p.inbox)
	b.Text(codepages.PingClass, "Email")
	root, _, err := p.client.DoMessage(ctx, "Ping", &b)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return outcome{advice: "the server held the Ping past its heartbeat; a proxy or load balancer with a shorter idle timeout may drop long requests"},
				fmt.Errorf("no answer within the heartbeat of %s and %s more", p.o.heartbeat, p.pingSlack())
		}
		return outcome{}, err
	}
	if root == nil || root.Tag() != codepages.PingPing {
		return outcome{}, errors.New("the response is not a Ping message")
	}
	st, _ := root.Child(codepages.PingStatus).Int()
	switch st {
	case 1:
		return outcome{detail: fmt.Sprintf("Status 1: the heartbeat of %ds expired without changes", hb)}, nil
	case 2:
		return outcome{detail: "Status 2: changes in the Inbox"}, nil
	case 5:
		// The server answered Ping as the protocol says: the command
		// works, though the long poll was not waited out.
		limit := root.Child(codepages.PingHeartbeatInterval).Text()
		return outcome{
			detail:   fmt.Sprintf("Status 5: the server refuses a heartbeat of %ds and wants %ss", hb, limit),
			warnings: []string{"the long poll was not tried; run with -heartbeat " + limit + "s to wait it out"},
		}, nil
	case 7:
		return outcome{advice: "the folder hierarchy changed: FolderSync again"}, errors.New("status 7 in the Ping response: the folder hierarchy is out of date")
	}
	return outcome{advice: "see [MS-ASCMD] 2.2.3.177.10 for the status"}, fmt.Errorf("status %d in the Ping response", st)
}
