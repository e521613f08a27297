package pkce_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/pkce"
)

// TestPKCE checks every diagnostic of the fixtures and, for those with a suggested fix, that
// applying it gives the .golden file.
func TestPKCE(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(t), pkce.Analyzer, "./pkce/...")
}

// TestFixedFixturesCompile: a fix must leave the file compiling.
func TestFixedFixturesCompile(t *testing.T) {
	fixtures.GoldenCompiles(t, "pkce")
}
