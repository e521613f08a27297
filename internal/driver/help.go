package driver

import (
	"flag"
	"fmt"
	"io"
	"log"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

const helpText = `PROGNAME is a tool for static analysis of Go programs.

PROGNAME examines Go source code and reports OAuth misuse: hard-coded
secrets, authorization-code flows without PKCE, constant or unchecked
state, legacy grants, over-broad scopes, tokens used without regard to
expiry, tokens reaching logs or URLs, and MCP servers that pass the
caller's token on.

Run it standalone on packages (exit 0 clean, 3 findings, 1 error), or
through "go vet -vettool=$(command -v PROGNAME)". For CI, -format=sarif
writes SARIF 2.1.0 for code scanning and -baseline=PREV.sarif reports
only new findings.
`

// help implements "help" and "help NAME...", as multichecker's: the analyzers and the core
// flags, or one analyzer's documentation and flags (with its sub-rules and its page).
func help(w io.Writer, fs *flag.FlagSet, analyzers []*analysis.Analyzer, names []string) int {
	if len(names) == 0 {
		fmt.Fprintln(w, strings.ReplaceAll(helpText, "PROGNAME", progname()))
		fmt.Fprintln(w, "Registered analyzers:")
		fmt.Fprintln(w)
		sorted := slices.Clone(analyzers)
		slices.SortFunc(sorted, func(a, b *analysis.Analyzer) int { return strings.Compare(a.Name, b.Name) })
		for _, a := range sorted {
			title, _, _ := strings.Cut(a.Doc, "\n\n")
			fmt.Fprintf(w, "    %-16s %s\n", a.Name, title)
		}
		fmt.Fprintln(w, "\nBy default all analyzers are run.")
		fmt.Fprintln(w, "To select specific analyzers, use the -NAME flag for each one,")
		fmt.Fprintln(w, " or -NAME=false to run all analyzers not explicitly disabled.")
		fmt.Fprintln(w, "\nCore flags:")
		fmt.Fprintln(w)
		core := flag.NewFlagSet("", flag.ContinueOnError)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(f.Name, ".") {
				core.Var(f.Value, f.Name, f.Usage)
			}
		})
		core.SetOutput(w)
		core.PrintDefaults()
		fmt.Fprintf(w, "\nTo see details and flags of a specific analyzer, run '%s help name'.\n", progname())
		return exitClean
	}
	for _, name := range names {
		i := slices.IndexFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == name })
		if i < 0 {
			log.Printf("Analyzer %q not registered", name)
			return exitError
		}
		a := analyzers[i]
		paras := strings.Split(a.Doc, "\n\n")
		fmt.Fprintf(w, "%s: %s\n", a.Name, paras[0])
		own := flag.NewFlagSet(a.Name, flag.ContinueOnError)
		a.Flags.VisitAll(func(f *flag.Flag) { own.Var(f.Value, a.Name+"."+f.Name, f.Usage) })
		if hasFlags(a) {
			fmt.Fprintln(w, "\nAnalyzer flags:")
			fmt.Fprintln(w)
			own.SetOutput(w)
			own.PrintDefaults()
		}
		if len(paras) > 1 {
			fmt.Fprintf(w, "\n%s\n", strings.Join(paras[1:], "\n\n"))
		}
		if c, ok := all.Lookup(a.Name); ok {
			fmt.Fprintln(w, "\nSub-rules (category, precision tier, severity):")
			fmt.Fprintln(w)
			for _, cat := range c.Categories {
				fmt.Fprintf(w, "    %-20s %-7s %-8s %s\n", cat.Name, cat.Tier, cat.Severity, cat.Summary)
			}
			fmt.Fprintf(w, "\nDocumentation: %s%s.md\n", all.DocsBase, a.Name)
		}
	}
	return exitClean
}

func hasFlags(a *analysis.Analyzer) bool {
	n := 0
	a.Flags.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}
