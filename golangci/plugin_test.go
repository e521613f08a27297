package golangci_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/all"
	"github.com/oauthvet/oauthvet/golangci"
)

// build runs the plugin as golangci-lint does: the constructor registered under oauthvet,
// with settings as golangci-lint decodes them from YAML, then BuildAnalyzers.
func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	t.Cleanup(func() { configFlag(t).Value.Set("") })
	newPlugin, err := register.GetPlugin("oauthvet")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", mode, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

// configFlag is the config analyzer's -oauthvet.config flag.
func configFlag(t *testing.T) *flag.Flag {
	f := all.Analyzers()[0].Flags.Lookup("config")
	if f == nil {
		t.Fatal("the oauthvet analyzer has no config flag")
	}
	return f
}

func names(analyzers []*analysis.Analyzer) []string {
	var out []string
	for _, a := range analyzers {
		out = append(out, a.Name)
	}
	return out
}

func TestNoSettings(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}} {
		got, err := build(t, settings)
		if err != nil {
			t.Fatal(err)
		}
		if want := names(all.Analyzers()); !slices.Equal(names(got), want) {
			t.Errorf("settings %v: analyzers %v, want every check %v", settings, names(got), want)
		}
		if v := configFlag(t).Value.String(); v != "" {
			t.Errorf("settings %v: config flag %q, want none", settings, v)
		}
	}
}

func TestDisable(t *testing.T) {
	got, err := build(t, map[string]any{"disable": []any{"broadscope", "tokenlog"}})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(names(got), "broadscope") || slices.Contains(names(got), "tokenlog") {
		t.Errorf("disabled checks still run: %v", names(got))
	}
	if len(got) != len(all.Analyzers())-2 || got[0].Name != "oauthvet" {
		t.Errorf("analyzers %v, want all but the two disabled, the config analyzer first", names(got))
	}
}

func TestSettingsErrors(t *testing.T) {
	every := []any{}
	for _, n := range names(all.Analyzers()) {
		every = append(every, n)
	}
	for _, c := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"confg": "oauthvet.toml"}, `unknown field "confg"`},
		{map[string]any{"disable": []any{"pcke"}}, `unknown check "pcke" (known: oauthvet, `},
		{map[string]any{"disable": "pkce"}, "cannot unmarshal string"},
		{map[string]any{"disable": every}, "turns off every check"},
	} {
		_, err := build(t, c.settings)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("settings %v: error %v, want one containing %q", c.settings, err, c.want)
		}
	}
}

func TestConfigPath(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "policy.toml")
	if err := os.WriteFile(abs, []byte("[secrets]\nmin_length = 20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build(t, map[string]any{"config": abs}); err != nil {
		t.Fatal(err)
	}
	if v := configFlag(t).Value.String(); v != abs {
		t.Errorf("absolute config: flag %q, want %q", v, abs)
	}

	// A relative path is resolved against the module root: this module's, from golangci/.
	rel := "testdata/broadscope/policy/oauthvet.toml"
	if _, err := build(t, map[string]any{"config": rel}); err != nil {
		t.Fatal(err)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if v, want := configFlag(t).Value.String(), filepath.Join(root, rel); v != want {
		t.Errorf("relative config: flag %q, want %q", v, want)
	}
}

func TestConfigErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "oauthvet.toml")
	if err := os.WriteFile(bad, []byte("[output]\ntier = \"low\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for config, want := range map[string]string{
		bad:                              bad + ":2:",
		filepath.Join(bad, "..", "none"): "cannot read oauthvet config",
	} {
		_, err := build(t, map[string]any{"config": config})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("config %s: error %v, want one containing %q", config, err, want)
		}
	}
}

// An [output] table filters the reports, which takes copies of the analyzers; without one
// golangci-lint runs the analyzers themselves.
func TestOutputTable(t *testing.T) {
	config := filepath.Join(t.TempDir(), "oauthvet.toml")
	if err := os.WriteFile(config, []byte("[output]\ntier = \"high\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := build(t, map[string]any{"config": config})
	if err != nil {
		t.Fatal(err)
	}
	want := all.Analyzers()
	if !slices.Equal(names(got), names(want)) {
		t.Fatalf("analyzers %v, want %v", names(got), names(want))
	}
	for i := range got {
		if got[i] == want[i] || got[i].Run == nil {
			t.Errorf("%s: not a filtering copy", got[i].Name)
		}
	}
	got, err = build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s: a copy without an [output] table", got[i].Name)
		}
	}
}

func TestName(t *testing.T) {
	if golangci.Name != all.Analyzers()[0].Name {
		t.Errorf("linter name %q differs from the config analyzer's %q: golangci-lint would prefix its reports", golangci.Name, all.Analyzers()[0].Name)
	}
}
