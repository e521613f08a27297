package oauthstate_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/oauthstate"
)

func TestOAuthState(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), oauthstate.Analyzer, "./oauthstate/...")
}
