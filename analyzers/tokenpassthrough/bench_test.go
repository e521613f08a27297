package tokenpassthrough_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/tokenpassthrough"
	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
)

func BenchmarkTokenPassthrough(b *testing.B) { analyzebench.Run(b, tokenpassthrough.Analyzer) }
