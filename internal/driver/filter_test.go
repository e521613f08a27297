package driver

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

func TestFilter(t *testing.T) {
	mk := func(check, category, fp string) *Finding {
		return &Finding{Analyzer: check, Category: category, Rule: all.CategoryOf(check, category), Fingerprint: fp}
	}
	findings := []*Finding{
		mk("hardcodedsecret", "hardcodedsecret", "a"), // medium, error
		mk("pkce", "pkce", "b"),                       // high, warning
		mk("broadscope", "broadscope", "c"),           // medium, note
		mk("tokenexpiry", "skip-check", "d"),          // medium, error
		mk("pkce", "ignore", "e"),                     // high, warning
	}
	base := filepath.Join(t.TempDir(), "base.sarif")
	os.WriteFile(base, []byte(`{"version":"2.1.0","runs":[{"results":[{"partialFingerprints":{"oauthvet/v1":"a"}}]}]}`), 0o644)
	for _, tc := range []struct {
		s    settings
		out  all.Output
		want string // the fingerprints shown
	}{
		{settings{format: "text"}, all.Output{}, "abcde"},
		{settings{format: "text", severity: "warning"}, all.Output{}, "abde"},
		{settings{format: "text", severity: "error"}, all.Output{}, "ad"},
		{settings{format: "text"}, all.Output{Severity: all.Error}, "ad"},
		{settings{format: "text", severity: "note"}, all.Output{Severity: all.Error}, "abcde"},
		{settings{format: "text", tier: "high"}, all.Output{}, "be"},
		{settings{format: "text"}, all.Output{Tier: all.High}, "be"},
		{settings{format: "text", tier: "medium"}, all.Output{Tier: all.High}, "abcde"},
		{settings{format: "text", severity: "error", tier: "high"}, all.Output{}, ""},
		{settings{format: "text", baseline: base}, all.Output{}, "bcde"},
		{settings{format: "text", baseline: base, severity: "error"}, all.Output{}, "d"},
	} {
		f, err := newFilter(&tc.s, tc.out)
		if err != nil {
			t.Fatal(err)
		}
		f.apply(&Results{Findings: findings})
		got := ""
		for _, x := range findings {
			if !x.Hidden {
				got += x.Fingerprint
			}
		}
		if got != tc.want {
			t.Errorf("%+v %+v: shown %q, want %q", tc.s, tc.out, got, tc.want)
		}
	}
	for _, s := range []settings{
		{format: "xml"}, {format: "text", severity: "fatal"}, {format: "text", tier: "low"},
		{format: "sarif", json: true}, {format: "text", baseline: "/nonexistent.sarif"},
	} {
		if _, err := newFilter(&s, all.Output{}); err == nil {
			t.Errorf("%+v: no error", s)
		}
	}
	if s := (settings{format: "text", json: true}); true {
		if f, err := newFilter(&s, all.Output{}); err != nil || f.format != "json" {
			t.Errorf("-json is not -format=json: %v %v", f, err)
		}
	}
}
