package legacygrant_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/legacygrant"
	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
)

func BenchmarkLegacyGrant(b *testing.B) { analyzebench.Run(b, legacygrant.Analyzer) }
