package hardcodedsecret_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/hardcodedsecret"
	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
)

// Documented dummy values (local LLM servers, GitHub's x-oauth-basic) found by a blind
// evaluation: placeholder words in rules.toml.
func TestDocumentedDummies(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), hardcodedsecret.Analyzer, "./hardcodedsecret/dummies")
}
