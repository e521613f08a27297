package golangci_test

// End-to-end test: build golangci-lint with the plugin (scripts/custom-gcl.sh), run it on the
// testdata module with golangci/testdata/golangci.yml, and check that it reports exactly the
// findings standalone oauthvet reports on the same packages. The build takes minutes, so the
// test runs only when OAUTHVET_GOLANGCI is set:
//
//	OAUTHVET_GOLANGCI=1 go test ./golangci/ -run TestGolangciLint -v -timeout 30m
//
// OAUTHVET_GOLANGCI_BIN=PATH uses a binary already built by scripts/custom-gcl.sh.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestGolangciLintMatchesStandalone(t *testing.T) {
	if os.Getenv("OAUTHVET_GOLANGCI") == "" {
		t.Skip("set OAUTHVET_GOLANGCI=1 to build golangci-lint with the plugin (minutes) and compare its findings with standalone oauthvet's")
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	gcl := os.Getenv("OAUTHVET_GOLANGCI_BIN")
	if gcl == "" {
		gcl = filepath.Join(tmp, "custom-gcl")
		if out, err := command(repo, filepath.Join(repo, "scripts", "custom-gcl.sh"), gcl).CombinedOutput(); err != nil {
			t.Fatalf("scripts/custom-gcl.sh: %v\n%s", err, out)
		}
	}
	oauthvet := filepath.Join(tmp, "oauthvet")
	if out, err := command(repo, "go", "build", "-o", oauthvet, "./cmd/oauthvet").CombinedOutput(); err != nil {
		t.Fatalf("building oauthvet: %v\n%s", err, out)
	}

	fixture := filepath.Join(repo, "testdata")
	pkgs := fixturePackages(t, fixture)

	// The settings case gives the standalone driver an absolute config path: it resolves a
	// relative one against each package's module root, which a standard library package
	// (analysed for facts) does not have.
	policy := filepath.Join(fixture, "broadscope", "policy", "oauthvet.toml")
	// An [output] table: the standalone driver prints only the findings it lets through.
	highTier := filepath.Join(tmp, "high-tier.toml")
	if err := os.WriteFile(highTier, []byte("[output]\ntier = \"high\"\nseverity = \"warning\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		settings string   // YAML under linters.settings.custom.oauthvet.settings
		flags    []string // the same, as standalone flags
	}{
		{"defaults", "disable: []", nil},
		{
			"settings",
			"config: broadscope/policy/oauthvet.toml\n          disable: [hardcodedsecret, tokenlog]",
			[]string{"-oauthvet.config=" + policy, "-hardcodedsecret=false", "-tokenlog=false"},
		},
		{"output", "config: " + highTier, []string{"-oauthvet.config=" + highTier}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			config := writeConfig(t, repo, c.settings)
			want := standaloneFindings(t, fixture, oauthvet, c.flags, pkgs)
			got := golangciFindings(t, fixture, gcl, config, pkgs)
			compare(t, want, got)
		})
	}
}

// fixturePackages returns the directories (./-relative) of the fixture module's packages,
// except those that do not type-check (some on purpose): golangci-lint reports only the
// type errors of such a package, where oauthvet analyses what does type-check.
func fixturePackages(t *testing.T, fixture string) []string {
	out, err := command(fixture, "go", "list", "-e", "-export", "-test",
		"-f", "{{.Dir}}\t{{if or .Error .DepsErrors}}ill-typed{{end}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var dirs, illTyped []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		dir, problem, _ := strings.Cut(line, "\t")
		if dir == "" || !strings.HasPrefix(dir, fixture) {
			continue
		}
		dirs = append(dirs, dir)
		if problem != "" {
			illTyped = append(illTyped, dir)
		}
	}
	var pkgs []string
	for _, dir := range dirs {
		if slices.Contains(illTyped, dir) || slices.Contains(pkgs, dir) {
			continue
		}
		pkgs = append(pkgs, dir)
	}
	for i, dir := range pkgs {
		rel, err := filepath.Rel(fixture, dir)
		if err != nil {
			t.Fatal(err)
		}
		pkgs[i] = "./" + filepath.ToSlash(rel)
	}
	slices.Sort(illTyped)
	t.Logf("fixture: %d packages; left out, ill-typed: %v", len(pkgs), slices.Compact(illTyped))
	if len(pkgs) < 10 {
		t.Fatalf("only %d fixture packages: %v", len(pkgs), pkgs)
	}
	return pkgs
}

// writeConfig writes golangci/testdata/golangci.yml with its settings block replaced.
func writeConfig(t *testing.T, repo, settings string) string {
	data, err := os.ReadFile(filepath.Join(repo, "golangci", "testdata", "golangci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "disable: []", settings, 1)
	if text == string(data) && settings != "disable: []" {
		t.Fatal("golangci.yml has no `disable: []` line to replace")
	}
	name := filepath.Join(t.TempDir(), "golangci.yml")
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// standaloneFindings runs oauthvet -json and returns the issues golangci-lint should report
// for its diagnostics, as golangci-lint builds them (goanalysis.buildIssues): the text is
// "check: message", without the prefix for the analyzer named like the linter, and each
// related position is an issue of its own, "check(related information): message", placed
// at the finding when it is in another file.
func standaloneFindings(t *testing.T, fixture, oauthvet string, flags, pkgs []string) []string {
	args := append(append(slices.Clip(flags), "-json"), pkgs...)
	cmd := command(fixture, oauthvet, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 3 && exit.ExitCode() != 0 {
			t.Fatalf("oauthvet: %v\n%s", err, stderr.Bytes())
		}
	}
	type related struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	type diagnostic struct {
		Posn    string    `json:"posn"`
		Message string    `json:"message"`
		Related []related `json:"related"`
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		t.Fatalf("oauthvet -json: %v", err)
	}
	var issues []string
	for pkg, analyzers := range tree {
		for name, raw := range analyzers {
			var diags []diagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("oauthvet -json: %s: %s: %s", pkg, name, raw) // an error object
			}
			for _, d := range diags {
				text := name + ": " + d.Message
				if name == "oauthvet" {
					text = d.Message
				}
				issues = append(issues, d.Posn+": "+text)
				for _, r := range d.Related {
					posn := r.Posn
					if file(posn) != file(d.Posn) {
						posn = d.Posn
					}
					issues = append(issues, posn+": "+name+"(related information): "+r.Message)
				}
			}
		}
	}
	return uniq(t, "oauthvet", issues)
}

// file returns the file name of a file:line:col position.
func file(posn string) string {
	for range 2 {
		if i := strings.LastIndexByte(posn, ':'); i >= 0 {
			posn = posn[:i]
		}
	}
	return posn
}

// golangciFindings runs golangci-lint with the plugin and returns its issues as
// "file:line:col: text".
func golangciFindings(t *testing.T, fixture, gcl, config string, pkgs []string) []string {
	args := append([]string{"run", "--config", config, "--output.json.path=stdout", "--show-stats=false", "--path-mode=abs", "--issues-exit-code=0"}, pkgs...)
	cmd := command(fixture, gcl, args...)
	cmd.Env = append(cmd.Env, "GOLANGCI_LINT_CACHE="+t.TempDir())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("golangci-lint: %v\n%s", err, stderr.Bytes())
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, stdout.Bytes())
	}
	var issues []string
	for _, is := range report.Issues {
		if is.FromLinter != "oauthvet" {
			t.Errorf("issue from linter %q: %s:%d: %s", is.FromLinter, is.Pos.Filename, is.Pos.Line, is.Text)
			continue
		}
		issues = append(issues, fmt.Sprintf("%s:%d:%d: %s", is.Pos.Filename, is.Pos.Line, is.Pos.Column, is.Text))
	}
	return uniq(t, "golangci-lint", issues)
}

// helperSink is the callee a finding's helper passes the value to. It is left out of the
// comparison: when a helper reaches two sinks (legacyapi.GetQuery sets url.URL.RawQuery and
// calls http.NewRequestWithContext), which one the message names varies from run to run,
// standalone too (tokenflow's engine.message).
var helperSink = regexp.MustCompile(`, which passes it to [^)]*\)`)

// uniq sorts the issues and drops repeats: both drivers analyse a package with in-package
// tests twice, with and without its tests. It logs how many there were.
func uniq(t *testing.T, who string, issues []string) []string {
	n := len(issues)
	for i, is := range issues {
		issues[i] = helperSink.ReplaceAllString(is, ", which passes it to …)")
	}
	slices.Sort(issues)
	issues = slices.Compact(issues)
	related := 0
	for _, is := range issues {
		if strings.Contains(is, "(related information): ") {
			related++
		}
	}
	t.Logf("%s: %d issues (%d distinct: %d findings, %d related positions)", who, n, len(issues), len(issues)-related, related)
	return issues
}

func compare(t *testing.T, want, got []string) {
	if len(want) == 0 {
		t.Fatal("standalone oauthvet found nothing in the fixture")
	}
	for _, w := range want {
		if _, found := slices.BinarySearch(got, w); !found {
			t.Errorf("golangci-lint lacks: %s", w)
		}
	}
	for _, g := range got {
		if _, found := slices.BinarySearch(want, g); !found {
			t.Errorf("golangci-lint adds: %s", g)
		}
	}
}

// command returns a command run in dir with the environment of the tests of this module.
func command(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	return cmd
}
