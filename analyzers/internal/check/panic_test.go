package check

import (
	"strings"
	"testing"
)

// A panic whose value holds a credential (an analyzer that panics on a constant it was
// reading) is reported without it, by check.Run's recovery and by tokenflow's (PanicError).
func TestPanicErrorRedacts(t *testing.T) {
	const token = "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" // the e2e fixture's checksummed fake
	for _, err := range []error{
		panicError("tokenlog", "example.com/p", "bad constant "+token),
		PanicError("tokenflow", "example.com/p", "bad constant "+token),
	} {
		msg := err.Error()
		if strings.Contains(msg, token) {
			t.Errorf("the error holds the whole token (%d chars)", len(token))
		}
		if !strings.Contains(msg, "ghp_Oaut…") || !strings.Contains(msg, "example.com/p") || !strings.Contains(msg, "internal error") {
			t.Errorf("got %q", strings.ReplaceAll(msg, token, "<token>"))
		}
	}
}
