package config_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
)

func TestDirectives(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), config.Analyzer, "./oauthvet/directives")
}
