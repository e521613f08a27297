package driver_test

// End-to-end tests of the driver's own features: SARIF (validated by the SARIF Multitool),
// fingerprints, baselines, suppressions, the severity and tier filters, the JSON fields
// and the go vet flag protocol. They build the oauthvet binary and run it on copies of
// cmd/oauthvet's e2e module and on the fixtures of testdata/.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

var binary string

// pristineOnce runs -format=sarif once on an unchanged copy of the e2e module: the tests that
// need that report share it (each run type-checks net/http and its dependencies).
var (
	pristineOnce sync.Once
	pristineOut  string
	pristineCode int
)

func pristine(t *testing.T) (string, int) {
	t.Helper()
	pristineOnce.Do(func() {
		dir := module(t)
		pristineOut, _, pristineCode = run(t, dir, "-format=sarif", "./...")
	})
	return pristineOut, pristineCode
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "oauthvet-driver")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "oauthvet")
	os.Setenv("OAUTHVET_CACHE", filepath.Join(dir, "cache")) // not the user's
	if out, err := exec.Command("go", "build", "-o", binary, "../../cmd/oauthvet").CombinedOutput(); err != nil {
		panic("building oauthvet: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// The whole secrets of the e2e module: no output may contain them.
var secrets = []string{"Zq8vN3xK7mL2pR5tW9yB4cF6hJ1dG0sA", "V9q-Lk2m-Xr7p-Wd4s", "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"}

// module copies cmd/oauthvet's e2e module to a fresh directory.
func module(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("..", "..", "cmd", "oauthvet", "testdata", "e2e")
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
	return dst
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run runs the binary (or go, if args[0] is "go") in dir and returns stdout, stderr and
// the exit code, failing if any output holds a whole secret.
func run(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runEnv(t, dir, nil, args...)
}

// runEnv is run with more environment variables.
func runEnv(t *testing.T, dir string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	name := binary
	if args[0] == "go" {
		name, args = "go", args[1:]
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off"), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if strings.Contains(o.String()+e.String(), s) {
			t.Fatalf("%s printed a whole secret (%d chars)", strings.Join(args, " "), len(s))
		}
	}
	return o.String(), e.String(), code
}

// sarif is the part of a SARIF log the tests read.
type sarif struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name, Version string
				Rules         []struct {
					ID                                string
					ShortDescription, FullDescription struct{ Text string }
					Help                              struct{ Text, Markdown string }
					HelpURI                           string
					DefaultConfiguration              struct{ Level string }
					Properties                        map[string]any
				}
			}
		}
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []result
	}
}

type result struct {
	RuleID    string
	Level     string
	Message   struct{ Text string }
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI, URIBaseID string }
			Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
		}
	}
	RelatedLocations    []any
	PartialFingerprints map[string]string
	Suppressions        []struct{ Kind, Justification string }
	Properties          map[string]any
}

func decodeSARIF(t *testing.T, out string) *sarif {
	t.Helper()
	var s sarif
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("bad SARIF: %v\n%s", err, out)
	}
	if len(s.Runs) != 1 {
		t.Fatalf("%d runs", len(s.Runs))
	}
	return &s
}

func (s *sarif) results() []result { return s.Runs[0].Results }

func fingerprints(s *sarif) []string {
	var fps []string
	for _, r := range s.results() {
		fps = append(fps, r.PartialFingerprints["oauthvet/v1"])
	}
	slices.Sort(fps)
	return fps
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	out, code := pristine(t)
	if code != 3 {
		t.Errorf("exit %d, want 3 (findings)", code)
	}
	s := decodeSARIF(t, out)
	if s.Version != "2.1.0" || s.Schema == "" || s.Runs[0].Tool.Driver.Name != "oauthvet" || s.Runs[0].Tool.Driver.Version == "" {
		t.Errorf("log header: %q %q %+v", s.Version, s.Schema, s.Runs[0].Tool.Driver.Name)
	}
	if u := s.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(u, "file:///") || !strings.HasSuffix(u, "/") {
		t.Errorf("%%SRCROOT%% = %q", u)
	}
	rules := s.Runs[0].Tool.Driver.Rules
	if len(rules) < 9 {
		t.Fatalf("%d rules", len(rules))
	}
	for _, r := range rules[:9] {
		p := r.Properties
		tags, _ := p["tags"].([]any)
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" ||
			!strings.Contains(r.Help.Markdown, "```go") || !strings.HasSuffix(r.HelpURI, "/docs/checks/"+r.ID+".md") ||
			p["precision"] == nil || p["security-severity"] == nil || len(tags) != 3 || !strings.HasPrefix(tags[2].(string), "external/cwe/cwe-") {
			t.Errorf("rule %s is incomplete: %+v", r.ID, r)
		}
	}
	var got []string
	for _, r := range s.results() {
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine == 0 || loc.Region.EndColumn == 0 {
			t.Errorf("location: %+v", loc)
		}
		if len(r.PartialFingerprints["oauthvet/v1"]) != 32 || r.Properties["tier"] == nil || r.Properties["category"] == nil {
			t.Errorf("result %s: fingerprints %v, properties %v", r.RuleID, r.PartialFingerprints, r.Properties)
		}
		got = append(got, r.RuleID+" "+r.Level+" "+loc.ArtifactLocation.URI)
	}
	slices.Sort(got)
	want := []string{"hardcodedsecret error app/app.go", "hardcodedsecret error app/app.go", "hardcodedsecret error app/app.go", "tokenlog warning app/app.go"}
	if !slices.Equal(got, want) {
		t.Errorf("results (a file of a package and its test variant once):\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The fixtures' SARIF passes the SARIF Multitool's validation with no error.
func TestSARIFValidates(t *testing.T) {
	t.Parallel()
	tool := multitool(t)
	fixtures, _ := filepath.Abs(filepath.Join("..", "..", "testdata"))
	out, stderr, code := run(t, fixtures, "-format=sarif", "./...")
	if code != 3 && code != 1 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	s := decodeSARIF(t, out)
	if len(s.results()) < 100 {
		t.Errorf("only %d results on the fixtures", len(s.results()))
	}
	suppressed := 0
	for _, r := range s.results() {
		if len(r.Suppressions) > 0 {
			suppressed++
			if r.Suppressions[0].Kind != "inSource" || r.Suppressions[0].Justification == "" {
				t.Errorf("suppression: %+v", r.Suppressions)
			}
		}
	}
	if suppressed == 0 {
		t.Errorf("no result of the fixtures is suppressed")
	}
	for _, r := range s.results() {
		if (r.Properties["category"] == "ignore") != (r.RuleID == "oauthvet") {
			t.Errorf("a report about a directive must have the directive rule: %s %v", r.RuleID, r.Properties)
		}
	}
	tmp := t.TempDir()
	file, report := filepath.Join(tmp, "fixtures.sarif"), filepath.Join(tmp, "validation.sarif")
	writeFile(t, file, out)
	cmd := exec.Command(tool, "validate", file, "-o", report, "--level", "Error;Warning")
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s validate: %v\n%s", tool, err, msg)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var v sarif
	if err := json.Unmarshal(data, &v); err != nil || len(v.Runs) == 0 {
		t.Fatalf("validation report: %v", err)
	}
	errs := 0
	for _, r := range v.results() {
		if r.Level == "error" {
			errs++
		}
		t.Logf("%s %s: %s", r.Level, r.RuleID, r.Message.Text)
	}
	if errs > 0 {
		t.Errorf("the Multitool finds %d errors:\n%s", errs, msg)
	}
}

// multitool finds the SARIF Multitool: $SARIF_MULTITOOL (or, if that names npm's .bin
// entry, the executable in the package beside it), else Sarif.Multitool on PATH. Without
// it the test fails in CI (CI=true) and is skipped elsewhere.
func multitool(t *testing.T) string {
	if p := os.Getenv("SARIF_MULTITOOL"); p != "" {
		for _, c := range []string{p, filepath.Join(filepath.Dir(p), "..", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")} {
			if st, err := os.Stat(c); err == nil && !st.IsDir() {
				return c
			}
		}
	}
	if p, err := exec.LookPath("Sarif.Multitool"); err == nil {
		return p
	}
	msg := "no SARIF Multitool: npm i -E --prefix DIR @microsoft/sarif-multitool-linux@5.7.0 and set SARIF_MULTITOOL=DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

func TestFingerprintsSurviveMovedLines(t *testing.T) {
	t.Parallel()
	dir := module(t)
	out, _ := pristine(t)
	before := decodeSARIF(t, out)
	app := filepath.Join(dir, "app", "app.go")
	src, _ := os.ReadFile(app)
	writeFile(t, app, "\n\n\n// A comment that moves every line down.\n"+strings.Replace(string(src), "\treq.SetBasicAuth", "\n\n\t  req.SetBasicAuth", 1))
	out, _, _ = run(t, dir, "-format=sarif", "./...")
	after := decodeSARIF(t, out)
	if a, b := fingerprints(before), fingerprints(after); !slices.Equal(a, b) {
		t.Errorf("fingerprints changed when lines moved:\n%v\n%v", a, b)
	}
	if before.results()[0].Locations[0].PhysicalLocation.Region.StartLine == after.results()[0].Locations[0].PhysicalLocation.Region.StartLine {
		t.Errorf("the lines did not move")
	}
	if fps := fingerprints(after); len(slices.Compact(slices.Clone(fps))) != len(fps) {
		t.Errorf("two findings share a fingerprint: %v", fps)
	}
}

func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := module(t)
	out, _ := pristine(t) // the same run, on another copy of the module
	base := filepath.Join(t.TempDir(), "base.sarif")
	writeFile(t, base, out)

	if stdout, stderr, code := run(t, dir, "-baseline="+base, "./..."); code != 0 || strings.Contains(stderr, ".go:") {
		t.Errorf("against its own baseline: exit %d\n%s%s", code, stdout, stderr)
	}

	app := filepath.Join(dir, "app", "app.go")
	src, _ := os.ReadFile(app)
	writeFile(t, app, "\n\n"+string(src))
	if _, stderr, code := run(t, dir, "-baseline="+base, "./..."); code != 0 || strings.Contains(stderr, ".go:") {
		t.Errorf("after lines moved: exit %d\n%s", code, stderr)
	}

	writeFile(t, filepath.Join(dir, "app", "new.go"), `package app

import (
	"log"
	"net/http"
)

func Audit(r *http.Request) {
	log.Printf("auth=%s", r.Header.Get("Authorization"))
}
`)
	out, _, code := run(t, dir, "-format=sarif", "-baseline="+base, "./...")
	rs := decodeSARIF(t, out).results()
	if code != 3 || len(rs) != 1 || rs[0].RuleID != "tokenlog" || rs[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "app/new.go" {
		t.Errorf("one new misuse: exit %d (want 3), %d results (want 1, in app/new.go): %+v", code, len(rs), rs)
	}

	if _, stderr, code := run(t, dir, "-baseline="+filepath.Join(dir, "go.mod"), "./..."); code != 1 || !strings.Contains(stderr, "not a SARIF file") {
		t.Errorf("a baseline that is no SARIF: exit %d\n%s", code, stderr)
	}
}

// A finding silenced by //oauthvet:ignore is not shown in text or JSON and does not fail
// the run; SARIF has it with an inSource suppression and its reason.
func TestSuppressed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/s\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "s.go"), `package s

import (
	"log"
	"net/http"
)

func Handle(r *http.Request) {
	//oauthvet:ignore tokenlog -- the logger redacts credentials
	log.Printf("auth=%s", r.Header.Get("Authorization"))
}
`)
	out, stderr, code := run(t, dir, "-format=sarif", "./...")
	rs := decodeSARIF(t, out).results()
	if code != 0 || len(rs) != 1 || len(rs[0].Suppressions) != 1 || rs[0].Suppressions[0].Kind != "inSource" ||
		rs[0].Suppressions[0].Justification != "the logger redacts credentials" || len(rs[0].RelatedLocations) != 0 {
		t.Errorf("-format=sarif: exit %d, results %+v\n%s", code, rs, stderr)
	}
	// The directive counts as used: no "silences no finding" report.
	if strings.Contains(out, "silences no finding") {
		t.Errorf("the directive is reported as unused:\n%s", out)
	}
}

// The filters themselves are tested in filter_test.go; this runs them from the flags and
// from oauthvet.toml's [output] table.
func TestSeverityFromConfig(t *testing.T) {
	t.Parallel()
	dir := module(t)
	count := func(args ...string) (int, int) {
		_, stderr, code := run(t, dir, append(args, "./...")...)
		return strings.Count(stderr, ".go:"), code
	}
	writeFile(t, filepath.Join(dir, "oauthvet.toml"), "[output]\nseverity = \"error\"\ntier = \"medium\"\n")
	if n, code := count(); n != 3 || code != 3 {
		t.Errorf("[output] severity = error: %d findings (exit %d), want the 3 hard-coded secrets", n, code)
	}
	if n, code := count("-severity=warning", "-tier=high"); n != 0 || code != 0 {
		t.Errorf("-severity=warning -tier=high over [output]: %d findings (exit %d), want none (both checks are medium tier)", n, code)
	}
	if _, stderr, code := run(t, dir, "-severity=critical", "./..."); code != 1 || !strings.Contains(stderr, "unknown -severity") {
		t.Errorf("-severity=critical: exit %d\n%s", code, stderr)
	}
}

func TestJSONTierAndSeverity(t *testing.T) {
	t.Parallel()
	dir := module(t)
	out, _, code := run(t, dir, "-format=json", "./...")
	if code != 0 {
		t.Errorf("-format=json: exit %d, want 0 as -json", code)
	}
	var tree map[string]map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	n := 0
	for _, analyzers := range tree {
		for name, diags := range analyzers {
			for _, d := range diags {
				n++
				if d["tier"] != "medium" || name == "hardcodedsecret" && d["severity"] != "error" || name == "tokenlog" && d["severity"] != "warning" {
					t.Errorf("%s: %v", name, d)
				}
			}
		}
	}
	if n == 0 {
		t.Errorf("no diagnostics in\n%s", out)
	}
}

// go vet learns the tool's flags from -flags: the analyzers' and multichecker's, not the
// driver's own (unitchecker would reject them).
func TestVetFlags(t *testing.T) {
	t.Parallel()
	out, _, code := run(t, ".", "-flags")
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal([]byte(out), &flags); err != nil || code != 0 {
		t.Fatalf("-flags: exit %d, %v\n%s", code, err, out)
	}
	var names []string
	for _, f := range flags {
		names = append(names, f.Name)
	}
	for _, want := range []string{"json", "c", "diff", "V", "flags", "test", "tokenlog", "oauthvet.config", "oauthvet.suppressed"} {
		if !slices.Contains(names, want) {
			t.Errorf("-flags lacks %s", want)
		}
	}
	for _, not := range []string{"format", "baseline", "severity", "tier", "fix", "debug"} {
		if slices.Contains(names, not) {
			t.Errorf("-flags has %s", not)
		}
	}
	dir := module(t)
	if _, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "-format=sarif", "./..."); code == 0 || !strings.Contains(stderr, "format") {
		t.Errorf("go vet -format=sarif: exit %d\n%s", code, stderr)
	}
}

// -c=N prints the offending lines, but never a credential whole.
func TestContextLinesMaskSecrets(t *testing.T) {
	t.Parallel()
	dir := module(t)
	_, stderr, code := run(t, dir, "-c=1", "-hardcodedsecret", "./...") // run fails on a whole secret
	if code != 3 || !strings.Contains(stderr, "10\t\treq.Header.Set(\"Authorization\", \"Bear…\")\n") ||
		!strings.Contains(stderr, "12\t\t_ = \"ghp_…\"\n") || !strings.Contains(stderr, "11\t\treq.SetBasicAuth(\"agent\", lib.Password)\n") {
		t.Errorf("-c=1: exit %d\n%s", code, stderr)
	}
}
