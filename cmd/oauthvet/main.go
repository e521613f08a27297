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
	"context"
	"fmt"
	"os"
	"os/signal"

	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/all"
	"github.com/oauthvet/oauthvet/internal/driver"
	"github.com/oauthvet/oauthvet/internal/lsp"
)

// commands are the subcommands: oauthvet NAME args...
var commands = map[string]driver.Command{"lsp": serveLSP}

func main() {
	os.Exit(driver.Main(all.Analyzers(), commands))
}

// serveLSP speaks the Language Server Protocol on stdin and stdout until the client exits.
func serveLSP(args []string, analyzers []*analysis.Analyzer) int {
	if len(args) > 0 && args[0] != "-stdio" && args[0] != "--stdio" {
		fmt.Fprintf(os.Stderr, "usage: oauthvet lsp [-stdio]\n")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := lsp.Serve(ctx, os.Stdin, os.Stdout, analyzers); err != nil {
		fmt.Fprintf(os.Stderr, "oauthvet lsp: %v\n", err)
		return 1
	}
	return 0
}
