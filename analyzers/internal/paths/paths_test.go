package paths_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/internal/paths"
)

// The NoReturn facts: exactly the functions marked with want in the fixture.
func TestNoReturn(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), paths.Analyzer, "./paths/...")
}
