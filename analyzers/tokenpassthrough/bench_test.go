package tokenpassthrough_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
	"github.com/oauthvet/oauthvet/analyzers/tokenpassthrough"
)

func BenchmarkTokenPassthrough(b *testing.B) { analyzebench.Run(b, tokenpassthrough.Analyzer) }
