package driver_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCache runs the same packages with and without the cache, and after edits to a file, to
// a dependency and to the config: a cached run prints exactly what an uncached run prints,
// and a second run over unchanged code analyses nothing.
func TestCache(t *testing.T) {
	t.Parallel()
	dir := module(t)
	cacheDir := t.TempDir()
	cached := func(wantAnalysed string) string {
		t.Helper()
		out, stderr, _ := runEnv(t, dir, []string{"OAUTHVET_CACHE=" + cacheDir}, "-json", "-debug=v", "./...")
		if !strings.Contains(stderr, wantAnalysed) {
			t.Errorf("cached run: want %q in its log, got:\n%s", wantAnalysed, stderr)
		}
		return out
	}
	uncached := func() string {
		t.Helper()
		out, _, _ := run(t, dir, "-json", "-cache=false", "./...")
		return out
	}
	same := func(step, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: the cached run printed\n%s\nthe uncached run\n%s", step, got, want)
		}
	}

	want := uncached()
	if !strings.Contains(want, `"tokenlog"`) || !strings.Contains(want, `"hardcodedsecret"`) {
		t.Fatalf("the e2e module should have tokenlog and hardcodedsecret findings:\n%s", want)
	}
	// The packages: lib, app, app's test variant and its test main.
	same("first run", cached("4 packages to analyse, 0 served"), want)
	same("second run", cached("0 packages to analyse, 4 served"), want)

	// A test file changes: only the test variant and the test main are analysed again.
	appTest := filepath.Join(dir, "app", "app_test.go")
	src, _ := os.ReadFile(appTest)
	writeFile(t, appTest, string(src)+"\n// An edit.\n")
	same("after editing a test file", cached("2 packages to analyse, 2 served"), want)

	// A dependency changes: lib.Debug no longer logs, so app's finding in Handle, which a
	// fact about lib carried, goes; every package is analysed again.
	libGo := filepath.Join(dir, "lib", "lib.go")
	src, _ = os.ReadFile(libGo)
	writeFile(t, libGo, strings.Replace(string(src), `log.Printf("debug: %s", v)`, `log.Printf("debug: %d", len(v))`, 1))
	want2 := uncached()
	if want2 == want {
		t.Fatalf("editing lib.Debug changed no finding")
	}
	same("after editing lib", cached("4 packages to analyse, 0 served"), want2)

	// The config changes: hardcodedsecret is switched off for app.
	writeFile(t, filepath.Join(dir, "oauthvet.toml"), "[[disable]]\nchecks = [\"hardcodedsecret\"]\npaths = [\"app/**\"]\nreason = \"test\"\n")
	want3 := uncached()
	if want3 == want2 {
		t.Fatalf("the config changed no finding")
	}
	same("after editing the config", cached("4 packages to analyse, 0 served"), want3)
	same("unchanged again", cached("0 packages to analyse, 4 served"), want3)
}

// TestLoaderSameFindings runs every fixture of testdata/ with the standard library from
// export data (the default) and with every dependency from source (-debug=S, as
// multichecker loads): the findings and errors are the same.
func TestLoaderSameFindings(t *testing.T) {
	t.Parallel()
	fixtures, _ := filepath.Abs(filepath.Join("..", "..", "testdata"))
	exportOut, exportErr, exportCode := run(t, fixtures, "-json", "-cache=false", "./...")
	sourceOut, sourceErr, sourceCode := run(t, fixtures, "-json", "-debug=S", "./...")
	if exportCode != sourceCode || exportErr != sourceErr {
		t.Errorf("exit %d and errors\n%s\nwith export data; exit %d and errors\n%s\nfrom source", exportCode, exportErr, sourceCode, sourceErr)
	}
	a, b := diagnostics(t, exportOut), diagnostics(t, sourceOut)
	if len(a) < 500 {
		t.Fatalf("only %d findings on the fixtures", len(a))
	}
	if !slices.Equal(a, b) {
		for _, d := range a {
			if !slices.Contains(b, d) {
				t.Errorf("only with export data: %s", d)
			}
		}
		for _, d := range b {
			if !slices.Contains(a, d) {
				t.Errorf("only from source: %s", d)
			}
		}
	}
}

// diagnostics flattens a JSON tree to sorted lines: package, analyzer, position, message
// (go/packages parses a package's files in parallel, so the order in which a check
// reports two findings may differ between the loaders).
func diagnostics(t *testing.T, out string) []string {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var lines []string
	for pkg, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var diags []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				lines = append(lines, pkg+" "+analyzer+" "+string(raw))
				continue
			}
			for _, d := range diags {
				lines = append(lines, pkg+" "+analyzer+" "+d.Posn+" "+d.Message)
			}
		}
	}
	slices.Sort(lines)
	return lines
}
