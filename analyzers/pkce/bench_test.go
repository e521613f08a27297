package pkce_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/pkce"
	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
)

func BenchmarkPKCE(b *testing.B) { analyzebench.Run(b, pkce.Analyzer) }
