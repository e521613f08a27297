package broadscope_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/broadscope"
	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
)

func TestBroadScope(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), broadscope.Analyzer, "./broadscope/...")
}

// TestGoogleAPI runs over a module of its own that requires google.golang.org/api, whose
// generated packages export the scope constants (gmail.MailGoogleComScope, ...).
func TestGoogleAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("loads google.golang.org/api and its dependencies")
	}
	analysistest.Run(t, fixtures.Module(t, "broadscope/gapi"), broadscope.Analyzer, "./...")
}
