package tokenlog_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
	"github.com/oauthvet/oauthvet/analyzers/tokenlog"
)

func BenchmarkTokenLog(b *testing.B) { analyzebench.Run(b, tokenlog.Analyzer) }
