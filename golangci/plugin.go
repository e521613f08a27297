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
// ("pkce: AuthCodeURL called without …"), so findings can be filtered by check in
// linters.exclusions.rules (text: "^broadscope: ") even though //nolint works only for the
// whole linter (//nolint:oauthvet); //oauthvet:ignore CHECK -- reason works as everywhere.
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
// config analyzer (named oauthvet, which every check requires).
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
	config, err := resolve(p.settings.Config)
	if err != nil {
		return nil, fmt.Errorf("settings.config: %v", err)
	}
	if err := analyzers[i].Flags.Set("config", config); err != nil {
		return nil, fmt.Errorf("settings.config: %v", err)
	}
	var enabled []*analysis.Analyzer
	for _, a := range analyzers {
		if !slices.Contains(p.settings.Disable, a.Name) {
			enabled = append(enabled, a)
		}
	}
	if len(enabled) == 0 {
		return nil, fmt.Errorf("settings.disable turns off every check: remove %s from linters.enable instead", Name)
	}
	return enabled, nil
}

// resolve makes a relative config path absolute, against the module root of the working
// directory: golangci-lint also analyses dependencies (for facts), standard library
// included, and those have no module root of their own to resolve it against.
func resolve(path string) (string, error) {
	if path == "" || filepath.IsAbs(path) {
		return path, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, path), nil
		}
		if filepath.Dir(dir) == dir {
			return filepath.Join(wd, path), nil
		}
	}
}

// GetLoadMode asks for type information: every check matches APIs by their types.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
