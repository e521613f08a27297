package tokenlog_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/tokenlog"
)

func TestTokenLog(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), tokenlog.Analyzer, "./tokenlog/...")
}
