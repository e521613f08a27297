// Package null holds analyzers that do nothing: the floor any go/analysis tool pays to
// load, parse and type-check packages, against which oauthvet's cost is measured.
package null

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer requires the inspector and does nothing.
var Analyzer = &analysis.Analyzer{
	Name:     "null",
	Doc:      "do nothing (the floor of a go/analysis tool)",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

// SSAAnalyzer also requires buildssa: the cost of building SSA for every package.
var SSAAnalyzer = &analysis.Analyzer{
	Name:     "nullssa",
	Doc:      "build SSA and do nothing (the SSA floor)",
	Requires: []*analysis.Analyzer{inspect.Analyzer, buildssa.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

// FactsAnalyzer declares a fact type and exports nothing: a driver must then load and
// analyse every dependency from source, which is the floor of any tool that uses facts.
var FactsAnalyzer = &analysis.Analyzer{
	Name:      "nullfacts",
	Doc:       "declare a fact type and do nothing (the floor of a tool with facts)",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

type noFact struct{}

func (*noFact) AFact() {}

func init() {
	FactsAnalyzer.Flags.String("nonce", "", "ignored; a new value forces go vet to re-run")
	// A flag whose fresh value changes go vet's cache key, for cold go vet runs.
	Analyzer.Flags.String("nonce", "", "ignored; a new value forces go vet to re-run")
	SSAAnalyzer.Flags.String("nonce", "", "ignored; a new value forces go vet to re-run")
}
