package broadscope_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/broadscope"
)

func TestBroadScope(t *testing.T) {
	testdata, _ := filepath.Abs("../../testdata")
	analysistest.Run(t, testdata, broadscope.Analyzer, "./broadscope/...")
}

// TestGoogleAPI runs over a module of its own that requires google.golang.org/api, whose
// generated packages export the scope constants (gmail.MailGoogleComScope, ...).
func TestGoogleAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("loads google.golang.org/api and its dependencies")
	}
	dir, _ := filepath.Abs("../../testdata/broadscope/gapi")
	analysistest.Run(t, dir, broadscope.Analyzer, "./...")
}
