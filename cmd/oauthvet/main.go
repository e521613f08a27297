// Command oauthvet finds OAuth misuse in Go code: hard-coded secrets, authorization-code
// flows without PKCE, over-broad scopes, tokens that never expire or reach logs, and MCP
// servers that pass the caller's token on.
//
// Usage:
//
//	oauthvet [flags] packages                          # standalone; exit 0 clean, 3 findings, 1 error
//	oauthvet -format=sarif [-baseline=old.sarif] ./... # SARIF 2.1.0 for code scanning
//	go vet -vettool=$(command -v oauthvet) packages    # the same analyzers through go vet
//	oauthvet lsp                                       # language server over stdio, beside gopls
//	oauthvet help [check]                              # documentation
package main

import (
	"os"

	"github.com/oauthvet/oauthvet/analyzers/all"
	"github.com/oauthvet/oauthvet/internal/driver"
	"github.com/oauthvet/oauthvet/internal/lsp"
)

// commands are the subcommands: oauthvet NAME args...
var commands = map[string]driver.Command{"lsp": lsp.Command}

func main() {
	os.Exit(driver.Main(all.Analyzers(), commands))
}
