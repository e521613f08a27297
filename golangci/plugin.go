// Package golangci makes oauthvet a golangci-lint v2 module plugin: importing it registers
// every oauthvet check as one linter named oauthvet.
//
// golangci-lint does not load plugins at run time: a binary must be built that imports this
// package (scripts/custom-gcl.sh does so from the Go module proxy alone; `golangci-lint
// custom` with the repository's .custom-gcl.yml does so from GitHub). The linter is then
// enabled in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [oauthvet]
//	  settings:
//	    custom:
//	      oauthvet:
//	        type: module
//	        settings:
//	          config: oauthvet.toml   # optional: -oauthvet.config
//	          disable: [broadscope]   # optional: checks not to run
//
// golangci-lint prefixes each finding with the name of the check that reported it
// ("pkce: AuthCodeURL without PKCE: …"), so findings can be filtered by check in
// linters.exclusions.rules (text: "^broadscope: ") even though //nolint works only for the
// whole linter (//nolint:oauthvet); //oauthvet:ignore CHECK -- reason works as everywhere.
// The [output] table of the oauthvet.toml that applies in the working directory filters
// the findings as it does for the standalone command.
//
// golangci-lint's result cache does not know about oauthvet.toml: after editing one, run
// `golangci-lint cache clean` (or change the settings block), or old results may be shown.
package golangci

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// Name is the linter's name in .golangci.yml: the key under linters.settings.custom, the
// name in linters.enable and in //nolint directives.
const Name = "oauthvet"

func init() {
	register.Plugin(Name, New)
}

// Settings are the keys accepted under linters.settings.custom.oauthvet.settings. An unknown
// key is an error, so that a misspelt setting is not silently ignored.
type Settings struct {
	// Config is the oauthvet.toml to use instead of the one found from each package's
	// directory, as -oauthvet.config. A relative path is resolved against the root of the
	// module golangci-lint runs in (where go.mod is, at or above the working directory).
	Config string `json:"config"`
	// Disable names checks not to run, as -NAME=false does. "oauthvet" turns off the
	// reports on malformed //oauthvet:ignore directives; the rules are still loaded.
	Disable []string `json:"disable"`
}

type plugin struct {
	settings Settings
}

// New is the plugin's constructor, called by golangci-lint with the raw settings.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, err
	}
	return &plugin{settings: s}, nil
}

// BuildAnalyzers returns every check not disabled, after handing the config path to the
// config analyzer (named oauthvet, which every check requires) and validating the config
// that applies in the working directory, so that a broken one stops the run at once.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	analyzers := all.Analyzers()
	var names []string
	for _, a := range analyzers {
		names = append(names, a.Name)
	}
	for _, d := range p.settings.Disable {
		if !slices.Contains(names, d) {
			return nil, fmt.Errorf("settings.disable names unknown check %q (known: %s)", d, strings.Join(names, ", "))
		}
	}
	i := slices.Index(names, Name)
	if i < 0 {
		return nil, fmt.Errorf("no %s analyzer to take settings.config", Name)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	config := p.settings.Config
	if config != "" && !filepath.IsAbs(config) {
		// Resolved here, once: golangci-lint also analyses dependencies (for facts),
		// standard library included, which have no module root to resolve it against.
		root := all.ModuleRoot(wd)
		if root == "" {
			root = wd
		}
		config = filepath.Join(root, config)
	}
	if err := analyzers[i].Flags.Set("config", config); err != nil {
		return nil, fmt.Errorf("settings.config: %v", err)
	}
	output, err := all.LoadConfig(config, wd)
	if err != nil {
		return nil, err
	}
	var enabled []*analysis.Analyzer
	for _, a := range analyzers {
		if slices.Contains(p.settings.Disable, a.Name) {
			continue
		}
		if output != (all.Output{}) {
			a = filtered(a, output)
		}
		enabled = append(enabled, a)
	}
	if len(enabled) == 0 {
		return nil, fmt.Errorf("settings.disable turns off every check: remove %s from linters.enable instead", Name)
	}
	return enabled, nil
}

// filtered returns a copy of a that reports only the findings the [output] table of
// oauthvet.toml lets through (severity, tier), as the standalone driver prints them. The
// copies are the roots golangci-lint reports; an analyzer that others require (the config
// analyzer) also runs as itself for them, whose reports golangci-lint does not show.
func filtered(a *analysis.Analyzer, output all.Output) *analysis.Analyzer {
	c := *a
	c.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			if shown(output, all.CategoryOf(a.Name, d.Category)) {
				pass.Report(d)
			}
		}
		return a.Run(&p)
	}
	return &c
}

// shown reports whether findings of the sub-rule pass the [output] table.
func shown(output all.Output, rule all.Category) bool {
	if output.Severity != "" && rule.Severity.Rank() < output.Severity.Rank() {
		return false
	}
	return output.Tier != all.High || rule.Tier == all.High
}

// GetLoadMode asks for type information: every check matches APIs by their types.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
