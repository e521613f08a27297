package tokenpassthrough

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/tokenflow"
)

var Analyzer = &analysis.Analyzer{
	Name:     "tokenpassthrough",
	Doc:      doc,
	URL:      "https://github.com/oauthvet/oauthvet/blob/main/docs/checks/tokenpassthrough.md",
	Requires: []*analysis.Analyzer{config.Analyzer, tokenflow.Analyzer, inspect.Analyzer},
	Run:      check.Run(run),

	// The engine returns no flows for an ill-typed package; the ReverseProxy rule skips it.
	RunDespiteErrors: true,
}

func run(pass *check.Pass) error {
	if err := tokenflow.Report(pass); err != nil {
		return err
	}
	reverseProxies(pass)
	return nil
}
