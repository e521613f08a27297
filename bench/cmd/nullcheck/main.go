// Command nullcheck is a multichecker with one analyzer that does nothing: the floor.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/oauthvet/oauthvet/bench/null"
)

func main() { multichecker.Main(null.Analyzer) }
