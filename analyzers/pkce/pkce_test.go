package pkce_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/pkce"
)

func TestPKCE(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), pkce.Analyzer, "./pkce/...")
}
