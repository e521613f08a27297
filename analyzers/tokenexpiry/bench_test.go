package tokenexpiry_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/tokenexpiry"
	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
)

func BenchmarkTokenExpiry(b *testing.B) { analyzebench.Run(b, tokenexpiry.Analyzer) }
