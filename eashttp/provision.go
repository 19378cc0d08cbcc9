package eashttp

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/eas"
	"github.com/easkit/easkit/version"
)

// Policy types of [MS-ASPROV] 2.2.2.43.
const (
	PolicyTypeWBXML = "MS-EAS-Provisioning-WBXML" // protocol 12.0 and later
	PolicyTypeXML   = "MS-WAP-Provisioning-XML"   // protocol 2.5
)

// A Policy is the outcome of a successful Provision.
type Policy struct {
	// Key is the final policy key, which the client now sends in
	// X-MS-PolicyKey (or the base64 query) with every request.
	Key string

	// TemporaryKey is the key of the first phase, acknowledged in the
	// second.
	TemporaryKey string

	// Type is the policy type requested (PolicyTypeWBXML or PolicyTypeXML).
	Type string

	// Status is the Policy Status of the first phase: 1 for a policy,
	// 2 when the server has no policy for this client (then nothing is
	// acknowledged and Key is what the server sent, often "").
	Status int

	// Settings are the EASProvisionDoc elements, name → value
	// ("DevicePasswordEnabled" → "1"). A container (the application
	// lists) holds its children's values joined by commas.
	Settings map[string]string

	// Raw is the Data content of a PolicyTypeXML policy (protocol 2.5),
	// the provisioning XML document as text.
	Raw string

	// RemoteWipe reports that the server asked the device to wipe itself;
	// Provision then returns ErrRemoteWipe and acknowledges nothing.
	RemoteWipe bool
}

// Provision runs the two phases of [MS-ASPROV] 3.1.5.1 and returns the
// policy: it requests the policy (PolicyTypeWBXML, or PolicyTypeXML at 2.5)
// without a policy key, then acknowledges the temporary key it got with
// Status 1 (applied), sending that key as the policy key, and keeps the
// final key for every later request. It negotiates the version first when
// the check is due. Failures reported in the body are *ProvisionError
// values; a requested remote wipe is ErrRemoteWipe, with the Policy.
func (c *Client) Provision(ctx context.Context) (*Policy, error) {
	if _, err := c.checkVersion(ctx); err != nil {
		return nil, err
	}
	return c.provision(ctx)
}

// provision runs both phases at the current version.
func (c *Client) provision(ctx context.Context) (*Policy, error) {
	v := c.Version()
	if v == 0 {
		v = highest(c.cfg.versions)
	}
	p := &Policy{Type: PolicyTypeWBXML}
	if v < version.V12_0 {
		p.Type = PolicyTypeXML
	}

	none := ""
	root, err := c.provisionStep(ctx, p.Type, nil, &none)
	if err != nil {
		return nil, err
	}
	st, _ := root.Child(codepages.ProvisionStatus).Int()
	if root.Child(codepages.ProvisionRemoteWipe) != nil {
		p.RemoteWipe = true
		return p, fmt.Errorf("eashttp: Provision: %w", ErrRemoteWipe)
	}
	pol := root.Find(codepages.ProvisionPolicies, codepages.ProvisionPolicy)
	pst, _ := pol.Child(codepages.ProvisionStatus).Int()
	if st != 1 {
		return nil, &ProvisionError{Phase: "policy request", Status: int(st), PolicyStatus: int(pst)}
	}
	p.Status = int(pst)
	p.TemporaryKey = pol.Child(codepages.ProvisionPolicyKey).Text()
	if pst == 2 { // no policy for this client: nothing to acknowledge
		p.Key = p.TemporaryKey
		c.SetPolicyKey(p.Key)
		return p, nil
	}
	if pst != 1 {
		return nil, &ProvisionError{Phase: "policy request", Status: int(st), PolicyStatus: int(pst)}
	}
	if p.TemporaryKey == "" {
		return nil, &ProvisionError{Phase: "policy request", Status: int(st), PolicyStatus: int(pst), Msg: "no PolicyKey"}
	}
	data := pol.Child(codepages.ProvisionData)
	if doc := data.Child(codepages.ProvisionEASProvisionDoc); doc != nil {
		p.Settings = settings(doc)
	} else if data != nil {
		p.Raw = data.Text()
	}

	tmp := p.TemporaryKey
	root, err = c.provisionStep(ctx, p.Type, &tmp, &tmp)
	if err != nil {
		return nil, err
	}
	st, _ = root.Child(codepages.ProvisionStatus).Int()
	pol = root.Find(codepages.ProvisionPolicies, codepages.ProvisionPolicy)
	pst, _ = pol.Child(codepages.ProvisionStatus).Int()
	p.Key = pol.Child(codepages.ProvisionPolicyKey).Text()
	if st != 1 || pst != 1 || p.Key == "" {
		msg := ""
		if p.Key == "" {
			msg = "no final PolicyKey"
		}
		return nil, &ProvisionError{Phase: "acknowledgment", Status: int(st), PolicyStatus: int(pst), Msg: msg}
	}
	c.SetPolicyKey(p.Key)
	return p, nil
}

// provisionStep sends one Provision request: the policy request when ack is
// nil, else the acknowledgment of *ack; key is the policy key to send.
func (c *Client) provisionStep(ctx context.Context, policyType string, ack, key *string) (*eas.Element, error) {
	var b eas.Builder
	b.Start(codepages.ProvisionProvision)
	b.Start(codepages.ProvisionPolicies)
	b.Start(codepages.ProvisionPolicy)
	b.Text(codepages.ProvisionPolicyType, policyType)
	if ack != nil {
		b.Text(codepages.ProvisionPolicyKey, *ack)
		b.Int(codepages.ProvisionStatus, 1)
	}
	msg, err := b.Finish()
	if err != nil {
		return nil, err
	}
	resp, err := c.run(ctx, http.MethodPost, &Call{Cmd: "Provision", Body: msg, key: key}, 0)
	if err != nil {
		return nil, err
	}
	root, err := resp.Element()
	if err == nil && (root == nil || root.Tag() != codepages.ProvisionProvision) {
		err = fmt.Errorf("the response is not a Provision message")
	}
	if err != nil {
		return nil, &OpError{Op: "Provision", URL: resp.URL, Err: err}
	}
	return root, nil
}

// settings returns the EASProvisionDoc children as name → value.
func settings(doc *eas.Element) map[string]string {
	m := make(map[string]string, len(doc.Children()))
	for _, e := range doc.Children() {
		if kids := e.Children(); len(kids) > 0 {
			vals := make([]string, 0, len(kids))
			for _, k := range kids {
				vals = append(vals, k.Text())
			}
			m[e.Name()] = strings.Join(vals, ",")
			continue
		}
		m[e.Name()] = e.Text()
	}
	return m
}
