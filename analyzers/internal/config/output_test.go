package config

import (
	"strings"
	"testing"
)

func TestOutputTable(t *testing.T) {
	root := project(t, map[string]string{"oauthvet.toml": "[output]\nseverity = \"warning\"\ntier = \"high\"\n"})
	r, err := Load("", root)
	if err != nil {
		t.Fatal(err)
	}
	if r.Output != (OutputSchema{Severity: "warning", Tier: "high"}) {
		t.Errorf("[output] = %+v", r.Output)
	}
	if d, _ := Defaults(); d.Output != (OutputSchema{}) {
		t.Errorf("the defaults set [output]: %+v", d.Output)
	}
	for _, tc := range []struct{ file, want string }{
		{"[output]\nseverity = \"critical\"\n", `oauthvet.toml:2:1: unknown severity "critical"`},
		{"[output]\ntier = \"low\"\n", `oauthvet.toml:2:1: unknown tier "low"`},
	} {
		_, err := Load("", project(t, map[string]string{"oauthvet.toml": tc.file}))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %s", tc.file, err, tc.want)
		}
	}
}
