package legacygrant_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
	"github.com/oauthvet/oauthvet/analyzers/legacygrant"
)

func BenchmarkLegacyGrant(b *testing.B) { analyzebench.Run(b, legacygrant.Analyzer) }
