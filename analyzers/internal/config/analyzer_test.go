package config_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

func TestDirectives(t *testing.T) {
	testdata, _ := filepath.Abs("../../../testdata")
	analysistest.Run(t, testdata, config.Analyzer, "./oauthvet/directives")
}
