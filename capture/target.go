package capture

// ShownTarget returns the request target as [Message.Describe] shows it
// in the start line: secrets redacted unless the options say otherwise
// (see [WithSecrets]). It is "" for a response or a bare body.
func (m *Message) ShownTarget(opts ...Option) string {
	if m.Kind != KindRequest {
		return ""
	}
	c := describeConfig(opts)
	return c.target(m)
}
