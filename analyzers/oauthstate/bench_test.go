package oauthstate_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
	"github.com/oauthvet/oauthvet/analyzers/oauthstate"
)

func BenchmarkOAuthState(b *testing.B) { analyzebench.Run(b, oauthstate.Analyzer) }
