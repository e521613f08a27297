package tokeninurl_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/tokeninurl"
)

func TestTokenInURL(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), tokeninurl.Analyzer, "./tokeninurl/...")
}
