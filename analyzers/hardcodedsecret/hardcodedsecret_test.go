package hardcodedsecret_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/hardcodedsecret"
)

func TestHardcodedSecret(t *testing.T) {
	testdata, _ := filepath.Abs("../../testdata")
	analysistest.Run(t, testdata, hardcodedsecret.Analyzer,
		"./hardcodedsecret/secrets", "./hardcodedsecret/a", "./hardcodedsecret/suppress")
}
