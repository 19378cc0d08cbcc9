package capture

import (
	"strings"
	"testing"
)

func TestShownTarget(t *testing.T) {
	ms := messages(t, "GET /owa/?access_token=xxtokenxx&realm=x HTTP/1.1\r\n\r\n"+
		"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
	req, resp := ms[0], ms[1]
	if got, want := req.ShownTarget(), "/owa/?access_token=<redacted>&realm=x"; got != want {
		t.Errorf("ShownTarget() = %q, want %q", got, want)
	}
	if got := req.ShownTarget(WithSecrets(true)); got != req.Target {
		t.Errorf("ShownTarget(WithSecrets(true)) = %q, want %q", got, req.Target)
	}
	text, _ := req.Describe()
	if !strings.Contains(text, req.ShownTarget()) {
		t.Errorf("Describe does not show the target as ShownTarget does:\n%s", text)
	}
	if got := resp.ShownTarget(); got != "" {
		t.Errorf("response ShownTarget() = %q, want \"\"", got)
	}
}
