package broadscope_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/broadscope"
	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
)

func BenchmarkBroadScope(b *testing.B) { analyzebench.Run(b, broadscope.Analyzer) }
