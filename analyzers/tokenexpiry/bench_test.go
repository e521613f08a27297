package tokenexpiry_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
	"github.com/oauthvet/oauthvet/analyzers/tokenexpiry"
)

func BenchmarkTokenExpiry(b *testing.B) { analyzebench.Run(b, tokenexpiry.Analyzer) }
