package legacygrant_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/legacygrant"
)

func TestLegacyGrant(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), legacygrant.Analyzer, "./legacygrant/...")
}
