package config

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/internal/suppress"
)

// Analyzer loads the rules for each package. Every check requires it. It is named oauthvet
// so that its flag is -oauthvet.config, and it reports //oauthvet:ignore directives that
// are malformed or name no known check.
var Analyzer = &analysis.Analyzer{
	Name: "oauthvet",
	Doc: `load oauthvet's rules and check //oauthvet:ignore directives

The rules are the defaults embedded in the binary (rules.toml) merged with the project's
oauthvet.toml, found by walking up from each package's directory to its module root, or
with the file named by -oauthvet.config. A relative -oauthvet.config path is resolved
against the module root. A config error stops the run.

This analyzer also reports //oauthvet:ignore directives that have no reason or name a
check that does not exist.`,
	URL:              "https://github.com/oauthvet/oauthvet#configuration",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Rules)(nil)),
}

var explicitPath string

func init() {
	Analyzer.Flags.StringVar(&explicitPath, "config", "", "path of an oauthvet.toml to use instead of the one found from each package's directory")
}

func run(pass *analysis.Pass) (any, error) {
	vetUnit, factsOnly := unit != "", unit == "facts"
	if factsOnly && IsStd(pass) {
		// No check runs on the standard library for facts alone (see check.Run), and its
		// directives are not reported: no need to load the rules.
		return &Rules{VetUnit: true, FactsOnly: true}, nil
	}
	loaded, err := Load(explicitPath, PackageDir(pass))
	if err != nil {
		return nil, err
	}
	rules := loaded
	if vetUnit {
		r := *loaded // (Load shares one Rules among the packages of a config)
		r.VetUnit, r.FactsOnly = true, factsOnly
		rules = &r
	}
	for _, d := range suppress.Parse(pass.Fset, pass.Files) {
		msg := d.Problem
		if msg == "" {
			for _, c := range d.Checks {
				if !slices.Contains(Checks, c) {
					msg = fmt.Sprintf("//oauthvet:ignore names unknown check %q (known: %s)", c, strings.Join(Checks, ", "))
					break
				}
			}
		}
		if msg != "" {
			pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: "ignore", Message: msg})
		}
	}
	return rules, nil
}

// PackageDir returns the directory of the package's first file, or "" if it has none.
func PackageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if name := pass.Fset.File(f.Pos()).Name(); name != "" {
			if abs, err := filepath.Abs(name); err == nil {
				return filepath.Dir(abs)
			}
			return filepath.Dir(name)
		}
	}
	return ""
}
