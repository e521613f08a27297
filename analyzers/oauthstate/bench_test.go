package oauthstate_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/oauthstate"
	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
)

func BenchmarkOAuthState(b *testing.B) { analyzebench.Run(b, oauthstate.Analyzer) }
