package main_test

// End-to-end tests: build the oauthvet binary and run it on a small module, standalone and
// as go vet's -vettool, checking findings, JSON, exit codes, config handling and redaction.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "oauthvet-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "oauthvet")
	os.Setenv("OAUTHVET_CACHE", filepath.Join(dir, "cache")) // not the user's
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic("building oauthvet: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// The whole secrets of the fixture: no output may contain them.
var fixtureSecrets = []string{"Zq8vN3xK7mL2pR5tW9yB4cF6hJ1dG0sA", "V9q-Lk2m-Xr7p-Wd4s", "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"}

var wantFindings = []string{
	`app/app.go:10:34: hard-coded credential "Zq8v…" (32 chars) in the Authorization header`,
	`app/app.go:11:28: hard-coded HTTP Basic password "V9q-…" (18 chars) in (*http.Request).SetBasicAuth (from var lib.Password)`,
	`app/app.go:12:6: GitHub token "ghp_Oaut…" (40 chars) written in source`,
	// Found through a fact about lib.Debug, another package: under go vet too.
	`app/app.go:18:12: Authorization header reaches a log (lib.Debug, which passes it to log.Printf)`,
}

// module copies the fixture module to a fresh directory, with an optional oauthvet.toml.
func module(t *testing.T, config string) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("testdata", "e2e")
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if config != "" {
		writeFile(t, filepath.Join(dst, "oauthvet.toml"), config)
	}
	return dst
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run runs a command in dir and returns its combined output and exit code, failing the test
// if the output contains a whole fixture secret.
func run(t *testing.T, dir string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, s := range fixtureSecrets {
		if strings.Contains(out.String(), s) {
			t.Fatalf("%s %s printed a whole secret (%d chars)", name, strings.Join(args, " "), len(s))
		}
	}
	return out.String(), code
}

var findingLine = regexp.MustCompile(`(?m)^.*\.go:\d+:\d+: .*$`)

// findings returns the finding lines of text output with the directory prefix removed and
// without the advice that follows the colon after the finding's subject.
func findings(dir, out string) []string {
	var got []string
	for _, l := range findingLine.FindAllString(out, -1) {
		l = strings.TrimPrefix(l, dir+string(filepath.Separator))
		l = strings.TrimPrefix(l, "./")
		if i := strings.Index(l, ": anyone who"); i >= 0 { // the advice is not compared
			l = l[:i]
		}
		got = append(got, l)
	}
	sort.Strings(got)
	return got
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestStandalone(t *testing.T) {
	dir := module(t, "")
	out, code := run(t, dir, binary, "./...")
	if code != 3 {
		t.Errorf("exit code %d, want 3 (findings)\n%s", code, out)
	}
	equal(t, "standalone findings", findings(dir, out), wantFindings)

	out, code = run(t, dir, binary, "-hardcodedsecret=false", "./...")
	if code != 3 {
		t.Errorf("-hardcodedsecret=false: exit %d, want 3", code)
	}
	equal(t, "-hardcodedsecret=false", findings(dir, out), wantFindings[3:])

	out, code = run(t, dir, binary, "-hardcodedsecret=false", "-tokenlog=false", "./...")
	if code != 0 || len(findings(dir, out)) != 0 {
		t.Errorf("-hardcodedsecret=false -tokenlog=false: exit %d, output:\n%s", code, out)
	}
}

func TestGoVet(t *testing.T) {
	dir := module(t, "")
	out, code := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if code != 1 {
		t.Errorf("go vet exit code %d, want 1\n%s", code, out)
	}
	equal(t, "go vet findings", findings(dir, out), wantFindings)

	// Named alone, app is analysed in full and lib only for its facts (go vet's VetxOnly
	// mode, where checks without facts do nothing): the cross-package findings remain. A
	// fresh copy, so that go vet cannot reuse lib's facts from the full run above.
	dir = module(t, "")
	out, code = run(t, dir, "go", "vet", "-vettool="+binary, "./app")
	if code != 1 {
		t.Errorf("go vet ./app exit code %d, want 1\n%s", code, out)
	}
	equal(t, "go vet ./app findings", findings(dir, out), wantFindings)
}

// jsonFindings decodes the go/analysis JSON tree and returns "file:line:col: message" lines.
func jsonFindings(t *testing.T, dir, out string) []string {
	t.Helper()
	// go vet prints one JSON tree per package, the standalone driver one for all.
	dec := json.NewDecoder(strings.NewReader(out[strings.Index(out, "{"):]))
	tree := map[string]map[string]json.RawMessage{}
	for dec.More() {
		var part map[string]map[string]json.RawMessage
		if err := dec.Decode(&part); err != nil {
			t.Fatalf("bad JSON: %v\n%s", err, out)
		}
		for pkg, v := range part {
			tree[pkg] = v
		}
	}
	var got []string
	for _, analyzers := range tree {
		for name, raw := range analyzers {
			var diags []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("analyzer %s: %s", name, raw)
			}
			for _, d := range diags {
				got = append(got, d.Posn+": "+d.Message)
			}
		}
	}
	// A package with in-package tests appears twice in the standalone tree, as itself and
	// as its test variant, with the same findings.
	return slices.Compact(findings(dir, strings.Join(got, "\n")))
}

func TestJSONSameBothWays(t *testing.T) {
	dir := module(t, "")
	out, code := run(t, dir, binary, "-json", "./...")
	if code != 0 {
		t.Errorf("-json exit code %d, want 0", code)
	}
	equal(t, "standalone -json", jsonFindings(t, dir, out), wantFindings)
	out, code = run(t, dir, "go", "vet", "-vettool="+binary, "-json", "./...")
	if code != 0 {
		t.Errorf("go vet -json exit code %d, want 0\n%s", code, out)
	}
	equal(t, "go vet -json", jsonFindings(t, dir, out), wantFindings)
}

// Under go vet, results are cached by the tool's -V=full ID: editing oauthvet.toml must
// change it, or the old findings would be replayed.
func TestGoVetSeesConfigEdits(t *testing.T) {
	dir := module(t, "")
	cfg := filepath.Join(dir, "oauthvet.toml")
	writeFile(t, cfg, "[secrets]\nallow_patterns = ['^Zq8v']\n")
	out, _ := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	equal(t, "with the credential allowed", findings(dir, out), wantFindings[1:])

	writeFile(t, cfg, "[[disable]]\nchecks = [\"hardcodedsecret\", \"tokenlog\"]\npaths = [\"app/**\"]\nreason = \"generated client\"\n")
	out, code := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if code != 0 || len(findings(dir, out)) != 0 {
		t.Errorf("with app/** disabled: exit %d, output:\n%s", code, out)
	}

	os.Remove(cfg)
	out, _ = run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	equal(t, "config removed", findings(dir, out), wantFindings)
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct{ name, config, want string }{
		{"unknown key", "version = 1\n[secrets]\nmin_lenght = 3\n", `oauthvet.toml:3:1: unknown key "secrets.min_lenght"`},
		{"wrong type", "[secrets]\nallow = \"one\"\n", `oauthvet.toml:2:9: secrets.allow: incompatible types`},
		{"bad regex", "[secrets]\nallow_patterns = ['(unclosed']\n", `oauthvet.toml:2:19: bad regular expression: error parsing regexp: missing closing \)`},
		{"syntax", "[secrets\n", `oauthvet.toml:\d+:\d+: expected '.' or ']' to end table name`},
		{"unknown check", "[[disable]]\nchecks = [\"hardcodedsecrets\"]\npaths = [\"x\"]\nreason = \"r\"\n", `oauthvet.toml:2:1: unknown check "hardcodedsecrets"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := module(t, tc.config)
			out, code := run(t, dir, binary, "./...")
			if code != 1 || !regexp.MustCompile(tc.want).MatchString(out) {
				t.Errorf("standalone: exit %d, want 1 and %q; output:\n%s", code, tc.want, out)
			}
			if n := strings.Count(out, "oauthvet.toml:"); n != 1 {
				t.Errorf("standalone: config error reported %d times, want once:\n%s", n, out)
			}
			out, code = run(t, dir, "go", "vet", "-vettool="+binary, "./...")
			if code == 0 || !regexp.MustCompile(tc.want).MatchString(out) {
				t.Errorf("go vet: exit %d, want failure and %q; output:\n%s", code, tc.want, out)
			}
			out, code = run(t, dir, binary, "-oauthvet.config=oauthvet.toml", "./...")
			if code != 1 || !regexp.MustCompile(tc.want).MatchString(out) {
				t.Errorf("-oauthvet.config: exit %d, want 1 and %q; output:\n%s", code, tc.want, out)
			}
		})
	}
}

// A relative -oauthvet.config is resolved once, against the module root of the current
// directory, not against the module (or GOROOT) of each package analysed.
func TestRelativeConfig(t *testing.T) {
	dir := module(t, "")
	if err := os.Mkdir(filepath.Join(dir, "ci"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "ci", "oauthvet.toml"), "version = 1\n")
	out, code := run(t, dir, binary, "-oauthvet.config=ci/oauthvet.toml", "./...")
	if code != 3 || strings.Contains(out, "cannot read") {
		t.Errorf("relative -oauthvet.config: exit %d, want 3 (the module's findings); output:\n%s", code, out)
	}
}

func TestHelp(t *testing.T) {
	out, code := run(t, ".", binary, "help", "hardcodedsecret")
	if code != 0 || !strings.Contains(out, "report credentials written in source") || !strings.Contains(out, "Bad:") {
		t.Errorf("help hardcodedsecret: exit %d\n%s", code, out)
	}
}

// A module named without a dot is no standard library: its packages are analysed, under go
// vet too.
func TestDotlessModule(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module myapp\n\ngo 1.26\n")
	if err := os.MkdirAll(filepath.Join(dir, "h"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "h", "h.go"), `package h

import (
	"log"
	"net/http"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	log.Printf("auth=%s", r.Header.Get("Authorization"))
}
`)
	want := []string{`h/h.go:9:24: Authorization header reaches a log (log.Printf)`}
	out, code := run(t, dir, binary, "./...")
	if code != 3 {
		t.Errorf("exit code %d, want 3\n%s", code, out)
	}
	equal(t, "standalone", findings(dir, out), want)
	out, _ = run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	equal(t, "go vet", findings(dir, out), want)
}
