package lsp

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"golang.org/x/tools/go/analysis"
)

const usage = `usage: oauthvet lsp

Runs oauthvet's language server on standard input and output (LSP 3.17), for an editor
to start next to gopls. It analyses the package of each Go file opened or saved and
reports errors in oauthvet.toml on that file. Logs go to standard error.
`

// Command is "oauthvet lsp": the server on standard input and output until the client
// sends exit. Its signature is the driver's subcommand type, so the command line registers
// it under "lsp". --stdio, which some clients add, is accepted.
func Command(args []string, analyzers []*analysis.Analyzer) int {
	return command(args, analyzers, os.Stdin, os.Stdout, os.Stderr)
}

func command(args []string, analyzers []*analysis.Analyzer, in io.Reader, out, errOut io.Writer) int {
	for _, a := range args {
		switch a {
		case "-stdio", "--stdio":
		case "-h", "-help", "--help":
			fmt.Fprint(errOut, usage)
			return 0
		default:
			fmt.Fprintf(errOut, "oauthvet lsp: unknown argument %q\n\n%s", a, usage)
			return 2
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := Options{Analyzers: analyzers, Log: errOut}
	if bi, ok := debug.ReadBuildInfo(); ok {
		opts.Version = bi.Main.Version
	}
	if err := opts.Serve(ctx, in, out); err != nil {
		fmt.Fprintf(errOut, "oauthvet lsp: %v\n", err)
		return 1
	}
	return 0
}
