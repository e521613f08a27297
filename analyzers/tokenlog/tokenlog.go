package tokenlog

import (
	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/tokenflow"
)

var Analyzer = &analysis.Analyzer{
	Name:     "tokenlog",
	Doc:      doc,
	URL:      "https://github.com/oauthvet/oauthvet/blob/main/docs/checks/tokenlog.md",
	Requires: []*analysis.Analyzer{config.Analyzer, tokenflow.Analyzer},
	Run:      check.Run(run),

	RunDespiteErrors: true, // the engine returns no flows for an ill-typed package
}

// run reports the flows of the token-flow engine, and HTTP loggers configured to print
// credentials (httpretty.go).
func run(pass *check.Pass) error {
	if err := tokenflow.Report(pass); err != nil {
		return err
	}
	prettyLoggers(pass)
	return nil
}
