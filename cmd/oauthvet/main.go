// Command oauthvet finds OAuth misuse in Go code: hard-coded secrets, authorization-code
// flows without PKCE, over-broad scopes, tokens that never expire or reach logs, and MCP
// servers that pass the caller's token on.
//
// Usage:
//
//	oauthvet [flags] packages                        # standalone; exit 0 clean, 3 findings, 1 error
//	go vet -vettool=$(command -v oauthvet) packages  # the same analyzers through go vet
//	oauthvet help [check]                            # documentation
package main

import (
	"flag"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

func main() {
	// Registered before multichecker's own -V, which would hash only the executable: go vet
	// must also see config edits.
	flag.Var(all.VersionFlag{}, "V", "print version and exit (-V=full: with a hash of the config, for go vet's cache)")
	all.PreflightConfig()
	all.DetectVetUnit()
	multichecker.Main(all.Analyzers()...)
}
