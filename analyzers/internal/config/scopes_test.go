package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// loadScopes writes text as a project's oauthvet.toml in a new module and loads it.
func loadScopes(t *testing.T, text string) (*config.Rules, string, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, config.FileName)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := config.Load("", dir)
	return r, dir, err
}

func findRule(r *config.Rules, provider, scope string) *config.ScopeRule {
	for i := range r.Scopes.Rule {
		if x := &r.Scopes.Rule[i]; x.Provider == provider && x.Scope == scope {
			return x
		}
	}
	return nil
}

func TestDefaultScopeTable(t *testing.T) {
	r, err := config.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	if r.Scopes.MinSeverity != "low" {
		t.Errorf("min_severity = %q, want low", r.Scopes.MinSeverity)
	}
	providers := map[string]bool{}
	for _, p := range r.Scopes.Provider {
		providers[p.Name] = true
	}
	for _, want := range []string{"google", "github", "microsoft", "slack", "atlassian", "salesforce", "dropbox"} {
		if !providers[want] {
			t.Errorf("no [[scopes.provider]] %q", want)
		}
	}
	seen := map[string]bool{}
	for _, rule := range r.Scopes.Rule {
		key := rule.Provider + " " + rule.Scope
		if seen[key] {
			t.Errorf("duplicate rule %s", key)
		}
		seen[key] = true
		if rule.Grants == "" || !strings.HasPrefix(rule.Source, "https://") || rule.Severity == "" {
			t.Errorf("rule %s needs grants, severity and a source URL", key)
		}
		if rule.Provider != config.GenericProvider && !providers[rule.Provider] {
			t.Errorf("rule %s names an undeclared provider", key)
		}
	}
	for _, want := range []string{"google https://mail.google.com/", "github repo", "github admin:org", "microsoft Directory.ReadWrite.All", "slack admin", "atlassian manage:jira-configuration", "salesforce full", "dropbox team_data.member", "generic *", "generic all"} {
		if !seen[want] {
			t.Errorf("no default rule %s", want)
		}
	}
}

func TestScopePolicyErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"unknown provider",
			"[[scopes.rule]]\nprovider = \"gogle\"\nscope = \"https://www.googleapis.com/auth/drive\"\nseverity = \"high\"\n",
			`:2:1: scope "https://www.googleapis.com/auth/drive": unknown provider "gogle" (known: atlassian, dropbox, generic, github, gitlab, google, linear, microsoft, salesforce, slack; declare a new one with [[scopes.provider]])`},
		{"allow without reason",
			"[[scopes.allow]]\nscope = \"workflow\"\nreason = \"ok\"\n\n[[scopes.allow]]\nscope = \"repo\"\npaths = [\"cmd/bot/**\"]\n",
			`:5:1: [[scopes.allow]] for "repo" needs a reason`},
		{"allow with blank reason",
			"[[scopes.allow]]\nscope = \"repo\"\n  reason = \"  \"\n",
			`:3:3: [[scopes.allow]] for "repo" needs a reason`},
		{"allow for unknown provider",
			"[[scopes.allow]]\nprovider = \"gitea\"\nscope = \"write:repository\"\nreason = \"x\"\n",
			`:2:1: [[scopes.allow]] for "write:repository": unknown provider "gitea"`},
		{"allow without scope",
			"[[scopes.allow]]\nreason = \"x\"\n",
			`:1:1: [[scopes.allow]] needs a scope`},
		{"bad severity",
			"[[scopes.rule]]\nprovider = \"github\"\nscope = \"repo\"\nseverity = \"severe\"\n",
			`:4:1: scope "repo": severity must be one of info, low, medium, high, critical, not "severe"`},
		{"bad min_severity",
			"[scopes]\nmin_severity = \"loud\"\n",
			`:2:1: min_severity must be one of`},
		{"bad flow",
			"[[scopes.rule]]\nprovider = \"github\"\nscope = \"repo\"\nflows = [\"delegated\"]\n",
			`:4:1: scope "repo": unknown flow "delegated" (known: user, service)`},
		{"rule without scope",
			"[[scopes.rule]]\nprovider = \"github\"\n",
			`:1:1: [[scopes.rule]] needs a provider and a scope`},
		{"bad endpoint name",
			"[[scopes.provider]]\nname = \"acme\"\nendpoints = [\"Endpoint\"]\n",
			`:3:1: provider "acme": endpoint "Endpoint" is not of the form package/path.Name`},
		{"host with scheme",
			"[[scopes.provider]]\nname = \"acme\"\nhosts = [\"https://login.acme.example\"]\n",
			`:3:1: provider "acme": "https://login.acme.example" is not a host name`},
		{"source not a URL",
			"[[scopes.rule]]\nprovider = \"github\"\nscope = \"repo\"\nsource = \"the docs\"\n",
			`:4:1: scope "repo": source must be an https:// URL`},
		{"unknown key",
			"[[scopes.rule]]\nprovider = \"github\"\nscope = \"repo\"\nnarrower = [\"public_repo\"]\n",
			`:4:1: unknown key "scopes.rule.narrower"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, dir, err := loadScopes(t, tc.text)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			want := filepath.Join(dir, config.FileName) + tc.want
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error\n  %v\nwant prefix\n  %s", err, want)
			}
		})
	}
}

func TestScopePolicyOverrides(t *testing.T) {
	r, dir, err := loadScopes(t, `
[scopes]
min_severity = "medium"

[[scopes.provider]]
name = "github"
hosts = ["github.example.com"]

[[scopes.provider]]
name = "acme"
hosts = ["login.acme.example"]

[[scopes.rule]]
provider = "github"
scope = "repo"
severity = "low"

[[scopes.rule]]
provider = "slack"
scope = "admin"
enabled = false

[[scopes.rule]]
provider = "acme"
scope = "tenant:admin"
severity = "critical"
grants = "administering every tenant"
source = "https://docs.acme.example/scopes"

[[scopes.allow]]
provider = "github"
scope = "workflow"
paths = ["cmd/releasebot/**"]
reason = "the release bot edits workflow files"

[[scopes.allow]]
scope = "https://www.googleapis.com/auth/drive"
reason = "a backup tool: it copies the whole Drive"
`)
	if err != nil {
		t.Fatal(err)
	}
	if r.Scopes.MinSeverity != "medium" {
		t.Errorf("min_severity = %q, want medium", r.Scopes.MinSeverity)
	}
	repo := findRule(r, "github", "repo")
	if repo == nil || repo.Severity != "low" || repo.Grants == "" || len(repo.Alternatives) == 0 {
		t.Errorf("github repo after override = %+v, want severity low with the default grants and alternatives", repo)
	}
	if admin := findRule(r, "slack", "admin"); admin == nil || admin.IsEnabled() {
		t.Errorf("slack admin after override = %+v, want disabled", admin)
	}
	if acme := findRule(r, "acme", "tenant:admin"); acme == nil || acme.Severity != "critical" {
		t.Errorf("acme rule = %+v", acme)
	}
	for _, p := range r.Scopes.Provider {
		if p.Name == "github" && (len(p.Hosts) != 2 || len(p.Endpoints) == 0) {
			t.Errorf("github provider = %+v, want the default endpoints and both hosts", p)
		}
	}

	// The defaults are untouched by a project's overrides.
	d, _ := config.Defaults()
	if repo := findRule(d, "github", "repo"); repo.Severity != "high" {
		t.Errorf("default github repo severity = %q after a project override", repo.Severity)
	}
	for _, p := range d.Scopes.Provider {
		if p.Name == "github" && len(p.Hosts) != 1 {
			t.Errorf("default github hosts = %v after a project override", p.Hosts)
		}
	}

	for _, tc := range []struct {
		provider, scope, file string
		want                  bool
	}{
		{"github", "workflow", "cmd/releasebot/main.go", true},
		{"github", "workflow", "cmd/releasebot/internal/ci.go", true},
		{"github", "workflow", "cmd/agent/main.go", false},
		{"", "workflow", "cmd/releasebot/main.go", false}, // provider-specific allow
		{"google", "https://www.googleapis.com/auth/drive", "any/where.go", true},
		{"", "https://www.googleapis.com/auth/drive", "x.go", true},
		{"github", "repo", "cmd/releasebot/main.go", false},
	} {
		if got := r.ScopeAllowed(tc.provider, tc.scope, filepath.Join(dir, tc.file)); got != tc.want {
			t.Errorf("ScopeAllowed(%q, %q, %s) = %v, want %v", tc.provider, tc.scope, tc.file, got, tc.want)
		}
	}
	if d.ScopeAllowed("github", "workflow", filepath.Join(dir, "cmd/releasebot/main.go")) {
		t.Error("the defaults allow a scope")
	}
}
