package all_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/all"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
)

// The config's list of check names (which config cannot take from this package without an
// import cycle) is the registry's, in order.
func TestConfigChecksMatchRegistry(t *testing.T) {
	var names []string
	for _, c := range all.Checks {
		names = append(names, c.Name())
	}
	if !slices.Equal(names, config.Checks) {
		t.Errorf("config.Checks = %v, registry = %v", config.Checks, names)
	}
	if got := all.Analyzers(); got[0] != config.Analyzer || len(got) != len(all.Checks)+1 {
		t.Errorf("Analyzers() must be the config analyzer followed by the checks")
	}
}

func TestRegistryEntries(t *testing.T) {
	for _, c := range all.Checks {
		if want := all.DocsBase + c.Name() + ".md"; c.Analyzer.URL != want {
			t.Errorf("%s: Analyzer.URL = %q, want %q", c.Name(), c.Analyzer.URL, want)
		}
		if c.Summary() == "" || c.CWE == "" {
			t.Errorf("%s: no summary or CWE", c.Name())
		}
		if len(c.Categories) == 0 || c.Categories[0].Name != c.Name() {
			t.Errorf("%s: the first category must be the check's own name", c.Name())
		}
		for _, cat := range append(c.Categories, all.Ignore) {
			if cat.Tier != all.High && cat.Tier != all.Medium || cat.Severity.Rank() == 0 || cat.SecuritySeverity == "" || cat.Summary == "" {
				t.Errorf("%s/%s: incomplete category %+v", c.Name(), cat.Name, cat)
			}
		}
	}
}

// Every category a check reports on its fixtures is one the registry lists, so tiers and
// severities never fall back to a default unnoticed.
func TestFixtureCategoriesRegistered(t *testing.T) {
	dir := fixtures.Dir(t)
	for _, c := range all.Checks {
		for _, r := range analysistest.Run(t, dir, c.Analyzer, "./"+c.Name()+"/...") {
			for _, d := range r.Diagnostics {
				if d.Category == all.Ignore.Name {
					continue
				}
				if !slices.ContainsFunc(c.Categories, func(cat all.Category) bool { return cat.Name == d.Category }) {
					t.Errorf("%s reports category %q, which the registry does not list", c.Name(), d.Category)
				}
			}
		}
	}
}
