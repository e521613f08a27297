package tokenpassthrough_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/tokenpassthrough"
)

func TestTokenPassthrough(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), tokenpassthrough.Analyzer, "./tokenpassthrough/...")
}
