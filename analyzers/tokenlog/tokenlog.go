package tokenlog

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/tokenflow"
)

//go:embed doc.go
var doc string

var Analyzer = &analysis.Analyzer{
	Name:     "tokenlog",
	Doc:      tokenflow.DocText(doc),
	URL:      "https://github.com/oauthvet/oauthvet#tokenlog",
	Requires: []*analysis.Analyzer{config.Analyzer, tokenflow.Analyzer},
	Run:      check.Run(tokenflow.Report),

	RunDespiteErrors: true, // the engine returns no flows for an ill-typed package
}
