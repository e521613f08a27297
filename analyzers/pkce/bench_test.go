package pkce_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
	"github.com/oauthvet/oauthvet/analyzers/pkce"
)

func BenchmarkPKCE(b *testing.B) { analyzebench.Run(b, pkce.Analyzer) }
