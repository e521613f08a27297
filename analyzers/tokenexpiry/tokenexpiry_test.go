package tokenexpiry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/tokenexpiry"
)

func TestTokenExpiry(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), tokenexpiry.Analyzer, "./tokenexpiry/...")
}
