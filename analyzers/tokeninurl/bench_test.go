package tokeninurl_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/tokeninurl"
	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
)

func BenchmarkTokenInURL(b *testing.B) { analyzebench.Run(b, tokeninurl.Analyzer) }
