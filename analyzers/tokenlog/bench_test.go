package tokenlog_test

import (
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/tokenlog"
	"github.com/oauthvet/oauthvet/analyzers/internal/analyzebench"
)

func BenchmarkTokenLog(b *testing.B) { analyzebench.Run(b, tokenlog.Analyzer) }
