// Command nullfacts is a multichecker whose one analyzer declares a fact type and does
// nothing: the floor of a standalone tool that uses analysis facts.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/oauthvet/oauthvet/bench/null"
)

func main() { multichecker.Main(null.FactsAnalyzer) }
