// Package all is the registry of oauthvet's analyzers: the list every driver runs (the
// oauthvet command, go vet -vettool, a golangci-lint plugin).
package all

import (
	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/broadscope"
	"github.com/oauthvet/oauthvet/analyzers/hardcodedsecret"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/legacygrant"
	"github.com/oauthvet/oauthvet/analyzers/oauthstate"
	"github.com/oauthvet/oauthvet/analyzers/pkce"
	"github.com/oauthvet/oauthvet/analyzers/tokenexpiry"
	"github.com/oauthvet/oauthvet/analyzers/tokeninurl"
	"github.com/oauthvet/oauthvet/analyzers/tokenlog"
	"github.com/oauthvet/oauthvet/analyzers/tokenpassthrough"
)

// Analyzers returns the config analyzer (named oauthvet, owner of -oauthvet.config)
// followed by every check. A new check is one more line here.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		config.Analyzer,
		hardcodedsecret.Analyzer,
		broadscope.Analyzer,
		pkce.Analyzer,
		oauthstate.Analyzer,
		legacygrant.Analyzer,
		tokenexpiry.Analyzer,
		tokenlog.Analyzer,
		tokenpassthrough.Analyzer,
		tokeninurl.Analyzer,
	}
}
