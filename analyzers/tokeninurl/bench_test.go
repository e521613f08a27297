package tokeninurl_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
	"github.com/oauthvet/oauthvet/analyzers/tokeninurl"
)

func BenchmarkTokenInURL(b *testing.B) { analyzebench.Run(b, tokeninurl.Analyzer) }
