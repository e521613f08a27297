package hardcodedsecret_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/hardcodedsecret"
	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
)

func TestHardcodedSecret(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), hardcodedsecret.Analyzer,
		"./hardcodedsecret/secrets", "./hardcodedsecret/a", "./hardcodedsecret/overrides", "./hardcodedsecret/dummies", "./hardcodedsecret/suppress",
		"./hardcodedsecret/illtyped", "./hardcodedsecret/withcgo", "./hardcodedsecret/settings",
		"./hardcodedsecret/authkit", "./hardcodedsecret/gated", "./hardcodedsecret/vectors", "./hardcodedsecret/native", "./hardcodedsecret/formkeys",
		"./hardcodedsecret/sessionkeys", "./hardcodedsecret/fositekey", "./hardcodedsecret/envdefault/...", "./hardcodedsecret/goth", "./hardcodedsecret/zitadel", "./hardcodedsecret/fiberjwt")
}
