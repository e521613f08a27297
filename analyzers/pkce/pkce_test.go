package pkce_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/pkce"
)

// TestPKCE checks every diagnostic of the fixtures and, for those with a suggested fix, that
// applying it gives the .golden file.
func TestPKCE(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(t), pkce.Analyzer, "./pkce/...")
}

// TestFixedFixtureCompiles type-checks the fixture with its fixes applied (the golden file
// in its place): a fix must leave the file compiling.
func TestFixedFixtureCompiles(t *testing.T) {
	dir := fixtures.Dir(t)
	file := filepath.Join(dir, "pkce", "mcpgo", "mcpgo.go")
	golden, err := os.ReadFile(file + ".golden")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir, Overlay: map[string][]byte{file: golden},
		Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")}
	pkgs, err := packages.Load(cfg, "./pkce/mcpgo")
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("the fixed fixture has %d errors", n)
	}
}
