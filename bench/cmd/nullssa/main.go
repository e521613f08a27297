// Command nullssa is a multichecker whose one analyzer builds SSA and does nothing.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/oauthvet/oauthvet/bench/null"
)

func main() { multichecker.Main(null.SSAAnalyzer) }
