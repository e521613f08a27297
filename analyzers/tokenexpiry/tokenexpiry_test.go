package tokenexpiry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/tokenexpiry"
)

// TestTokenExpiry checks every diagnostic of the fixtures and, for those with a suggested
// fix (dropping SkipExpiryCheck, SkipClaimsValidation, AllowMissingExpiration or
// jwt.WithoutClaimsValidation()), that applying it gives the .golden file.
func TestTokenExpiry(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(t), tokenexpiry.Analyzer, "./tokenexpiry/...")
}

// TestFixedFixturesCompile: a fix must leave the file compiling.
func TestFixedFixturesCompile(t *testing.T) {
	fixtures.GoldenCompiles(t, "tokenexpiry")
}
