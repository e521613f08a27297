package redact

import (
	"strings"
	"testing"
)

func TestSecret(t *testing.T) {
	for _, tc := range []struct{ kind, value, known, want string }{
		{"GitHub token", "ghp_ECcNabcdefghijklmnopqrstuvwxyz012345", "ghp_", `GitHub token "ghp_ECcN…" (40 chars)`},
		{"OAuth client secret", "s3cr3t-v4lue-0123", "", `OAuth client secret "s3cr…" (17 chars)`},
		{"OAuth client secret", "abcdefgh", "", `OAuth client secret "ab…" (8 chars)`},
		{"key", "abc", "", `key "…" (3 chars)`},
		{"key", "ghp_", "ghp_x", `key "g…" (4 chars)`}, // a known prefix that does not fit is not used
		{"key", "ééééééééé", "", `key "éé…" (9 chars)`},
	} {
		got := Secret(tc.kind, tc.value, tc.known)
		if got != tc.want {
			t.Errorf("Secret(%q, <%d chars>) = %s, want %s", tc.kind, len(tc.value), got, tc.want)
		}
		if len(tc.value) >= 4 && strings.Contains(got, tc.value) {
			t.Errorf("Secret(%q) shows the whole value", tc.kind)
		}
	}
}
