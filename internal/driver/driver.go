// Package driver is oauthvet's command line: a go/analysis driver on
// golang.org/x/tools/go/analysis/checker and go/packages with multichecker's flags, text,
// JSON and exit codes, go vet's -vettool protocol (handed to unitchecker), and what CI
// needs on top: SARIF 2.1.0 (-format=sarif), fingerprints that survive lines moving,
// baselines (-baseline) and filters by severity and precision tier (-severity, -tier).
//
// A run has separate stages: load (go list's metadata; load.go), the cache (cache.go: the
// roots whose findings are stored skip the rest), type-check (the standard library from
// export data, everything else from source), analyze (checker.Analyze), collect (the
// graph's diagnostics become Findings, plain data with positions, sub-rule and
// fingerprint), assemble (cached and fresh findings in multichecker's order), filter and
// print.
package driver

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/packages"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// Exit codes of a standalone run (as multichecker's).
const (
	exitClean    = 0
	exitError    = 1
	exitFindings = 3
)

// A Command is a subcommand (oauthvet NAME args...): it gets the arguments after its name
// and the analyzers, and returns the exit code.
type Command func(args []string, analyzers []*analysis.Analyzer) int

// Main runs the command line in os.Args with the analyzers and returns the exit code. The
// analyzers must include the config analyzer (named oauthvet), as all.Analyzers does.
// commands are subcommands by name (such as "lsp"); "help" is built in.
func Main(analyzers []*analysis.Analyzer, commands map[string]Command) int {
	log.SetFlags(0)
	log.SetPrefix(progname() + ": ")
	if err := analysis.Validate(analyzers); err != nil {
		log.Print(err)
		return exitError
	}
	args := os.Args[1:]
	if len(args) > 0 {
		if cmd, ok := commands[args[0]]; ok {
			return cmd(args[1:], analyzers)
		}
	}
	if vetUnit(args, analyzers) {
		// go vet -vettool: one package per process, with its .cfg. unitchecker parses
		// the same flags (minus the driver's own: see driverOnly), prints, and exits.
		// Such a process lives a second at most and its heap stays small: collecting
		// garbage a quarter as often saves about 15% of go vet's time (LRG target) for
		// some more memory, bounded by a soft limit. GOGC and GOMEMLIMIT still rule.
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(400)
		}
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(2 << 30)
		}
		unitchecker.Main(analyzers...)
		panic("unreachable")
	}

	var s settings
	fs := flag.NewFlagSet(progname(), flag.ExitOnError)
	enabled := registerFlags(fs, analyzers, &s)
	fs.Parse(args) // exits on error; -V=full exits in its Set
	if s.printFlags {
		if err := printFlags(fs); err != nil {
			log.Print(err)
			return exitError
		}
		return exitClean
	}
	selected := selectAnalyzers(analyzers, enabled)
	args = fs.Args()
	if len(args) == 0 {
		fmt.Fprintf(os.Stderr, `%[1]s is a tool for static analysis of Go programs.

Usage: %[1]s [-flag] [package]

Run '%[1]s help' for more detail,
 or '%[1]s help name' for details and flags of a specific analyzer.
`, progname())
		return exitError
	}
	if args[0] == "help" {
		return help(os.Stdout, fs, analyzers, args[1:])
	}
	return run(&s, analyzers, selected, args)
}

// run is a standalone run of the selected analyzers over the packages named by patterns.
func run(s *settings, every []*analysis.Analyzer, analyzers []*analysis.Analyzer, patterns []string) int {
	configFlags := configAnalyzerFlags(every)
	out, err := preflight(configFlags.Lookup("config").Value.String())
	if err != nil {
		log.Print(err)
		return exitError
	}
	if err := absConfig(configFlags); err != nil {
		log.Print(err)
		return exitError
	}
	f, err := newFilter(s, out)
	if err != nil {
		log.Print(err)
		return exitError
	}
	if f.format == "sarif" {
		// Silenced findings are emitted with SARIF suppressions, not dropped.
		if err := configFlags.Set(all.SuppressedFlag, "true"); err != nil {
			log.Print(err)
			return exitError
		}
	}
	stop, err := startProfiles(s)
	if err != nil {
		log.Print(err)
		return exitError
	}
	defer stop()

	code := exitClean
	facts := needFacts(analyzers)
	initial, err := load(patterns, s.test, facts, s.dbg('S'), s.dbg('v'))
	if err != nil {
		log.Print(err)
		return exitError
	}
	// The cache serves runs that print findings; -fix, -debug=S and the profiles of -debug
	// need the analysis itself.
	var store *cache
	if s.cache && !s.fix && strings.Trim(s.debug, "v") == "" {
		if store, err = openCache(every, analyzers, configFlags.Lookup("config").Value.String()); err != nil {
			if s.dbg('v') {
				log.Printf("cache off: %v", err)
			}
			store = nil
		}
	}
	cached := map[string]*cacheEntry{}
	var missed []*packages.Package
	for _, p := range initial {
		if store != nil {
			if e, ok := store.get(p); ok {
				cached[p.ID] = e
				continue
			}
		}
		missed = append(missed, p)
	}
	if s.dbg('v') {
		log.Printf("%d packages to analyse, %d served from the cache", len(missed), len(cached))
	}
	var fresh *Results
	var graph *checker.Graph
	if len(missed) > 0 {
		if !s.dbg('S') {
			if err := typeCheck(missed, facts, nil); err != nil {
				log.Print(err)
				return exitError
			}
		}
		opts := &checker.Options{SanityCheck: s.dbg('s'), Sequential: s.dbg('p')}
		if s.dbg('f') {
			opts.FactLog = os.Stderr
		}
		graph, err = checker.Analyze(analyzers, missed, opts)
		if err != nil {
			log.Print(err)
			return exitError
		}
		if s.fix {
			// As multichecker: apply the fixes, print nothing else, and do not fail because
			// there were findings.
			if packages.PrintErrors(initial) > 0 {
				code = exitError
			}
			if err := applyFixes(graph, s.diff, os.Stdout); err != nil {
				log.Print(err)
				return exitError
			}
			return code
		}
		fresh = collect(graph)
	}
	if packages.PrintErrors(initial) > 0 {
		code = exitError
	}
	res := assemble(analyzers, initial, cached, fresh)
	if store != nil && fresh != nil && len(fresh.Errors) == 0 {
		if err := storeFresh(store, analyzers, missed, fresh); err != nil && s.dbg('v') {
			log.Printf("cache: %v", err)
		}
	}
	res.LoadFailed = code != exitClean
	if err := f.apply(res); err != nil {
		log.Print(err)
		return exitError
	}
	c, err := f.print(res, os.Stdout, os.Stderr, s.context)
	if err != nil {
		log.Print(err)
		c = exitError
	}
	if s.dbg('t') && graph != nil {
		printTimes(graph, s.dbg('p'))
	}
	return max(code, c)
}

// configAnalyzerFlags returns the flags of the config analyzer (named oauthvet), which
// every check requires: -oauthvet.config and -oauthvet.suppressed.
func configAnalyzerFlags(analyzers []*analysis.Analyzer) *flag.FlagSet {
	for a := range closure(analyzers) {
		if a.Name == "oauthvet" {
			return &a.Flags
		}
	}
	panic("driver: no analyzer named oauthvet (use all.Analyzers())")
}

// load lists the packages named by patterns and their dependencies (loadMeta), to be
// type-checked by typeCheck. With allSource (-debug=S) it loads them as multichecker does
// instead: with facts, every dependency from source; without, only the roots.
func load(patterns []string, tests, facts, allSource, verbose bool) ([]*packages.Package, error) {
	if verbose {
		log.Printf("load %s", patterns)
	}
	var initial []*packages.Package
	var err error
	switch {
	case !allSource:
		initial, err = loadMeta(patterns, tests)
	case facts:
		initial, err = packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: tests}, patterns...)
	default:
		initial, err = packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: tests}, patterns...)
	}
	if err == nil && len(initial) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return initial, err
}

// needFacts reports whether an analyzer, or one it requires, uses facts.
func needFacts(analyzers []*analysis.Analyzer) bool {
	for a := range closure(analyzers) {
		if len(a.FactTypes) > 0 {
			return true
		}
	}
	return false
}

func (s *settings) dbg(b byte) bool { return strings.IndexByte(s.debug, b) >= 0 }

// startProfiles starts the -cpuprofile, -trace and -memprofile outputs; stop ends them.
func startProfiles(s *settings) (stop func(), err error) {
	var stops []func()
	stop = func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	create := func(name string) io.WriteCloser {
		f, e := os.Create(name)
		if e != nil && err == nil {
			err = e
		}
		return f
	}
	if s.cpuprofile != "" {
		f := create(s.cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
			stops = append(stops, pprof.StopCPUProfile)
		}
	}
	if s.trace != "" && err == nil {
		f := create(s.trace)
		if err == nil {
			err = trace.Start(f)
			stops = append(stops, trace.Stop)
		}
	}
	if s.memprofile != "" && err == nil {
		f := create(s.memprofile)
		stops = append(stops, func() {
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				log.Printf("writing memory profile: %v", err)
			}
			f.Close()
		})
	}
	return stop, err
}
