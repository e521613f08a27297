package hardcodedsecret_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/hardcodedsecret"
	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
)

func BenchmarkHardcodedSecret(b *testing.B) { analyzebench.Run(b, hardcodedsecret.Analyzer) }
