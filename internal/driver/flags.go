package driver

import (
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// settings are the driver's command-line flags. The set, their names, defaults and usage
// are multichecker's (x/tools go/analysis/internal/analysisflags and internal/checker),
// plus -format, -baseline, -severity and -tier.
type settings struct {
	json, fix, diff, test, printFlags bool
	cache                             bool
	context                           int
	debug, cpuprofile, memprofile     string
	trace                             string
	format, baseline                  string
	severity, tier                    string
}

// driverOnly are flags unitchecker does not know: -flags leaves them out, so that go vet
// rejects them rather than passing them to a unit run that would fail on them. debug,
// cpuprofile, memprofile, trace and fix are left out as multichecker does.
var driverOnly = []string{"debug", "cpuprofile", "memprofile", "trace", "fix", "format", "baseline", "severity", "tier", "cache"}

// registerFlags defines on fs the -NAME flag of each analyzer and its own flags as
// -NAME.flag, and the driver's flags. It returns the -NAME flags.
func registerFlags(fs *flag.FlagSet, analyzers []*analysis.Analyzer, s *settings) map[*analysis.Analyzer]*triState {
	enabled := map[*analysis.Analyzer]*triState{}
	for _, a := range analyzers {
		ts := new(triState)
		fs.Var(ts, a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		enabled[a] = ts
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.BoolVar(&s.printFlags, "flags", false, "print analyzer flags in JSON")
	fs.Var(versionFlag{}, "V", "print version and exit (-V=full: with a hash of the module's oauthvet.toml files, for go vet's cache)")
	fs.BoolVar(&s.json, "json", false, "emit JSON output (the same as -format=json)")
	fs.IntVar(&s.context, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&s.fix, "fix", false, "apply all suggested fixes")
	fs.BoolVar(&s.diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	// Legacy vet flags, accepted with no effect as multichecker does.
	fs.Bool("source", false, "no effect (deprecated)")
	fs.Bool("v", false, "no effect (deprecated)")
	fs.Bool("all", false, "no effect (deprecated)")
	fs.String("tags", "", "no effect (deprecated)")

	fs.StringVar(&s.debug, "debug", "", `debug flags, any subset of "fpstvS" (S: load every dependency from source)`)
	fs.StringVar(&s.cpuprofile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&s.memprofile, "memprofile", "", "write memory profile to this file")
	fs.StringVar(&s.trace, "trace", "", "write trace log to this file")
	fs.BoolVar(&s.test, "test", true, "indicates whether test files should be analyzed, too")

	fs.BoolVar(&s.cache, "cache", true, "reuse the findings of packages whose files, dependencies, config and oauthvet binary are unchanged since an earlier run (in the user cache directory, or $OAUTHVET_CACHE)")
	fs.StringVar(&s.format, "format", "text", "output format: text, json or sarif (SARIF 2.1.0, for code scanning)")
	fs.StringVar(&s.baseline, "baseline", "", "report only findings whose fingerprint is not in this SARIF file (an earlier -format=sarif run)")
	fs.StringVar(&s.severity, "severity", "", "report only findings of this severity and above: error, warning or note (default: [output] severity of oauthvet.toml, else all)")
	fs.StringVar(&s.tier, "tier", "", "high: report only high-precision sub-rules; medium: all (default: [output] tier of oauthvet.toml, else all)")
	return enabled
}

// selectAnalyzers applies the -NAME flags: if any is true, only those run; else all but
// those set to false. As multichecker does, it registers the fact types of the analyzers
// left out, which may still appear in the facts of imported packages.
func selectAnalyzers(analyzers []*analysis.Analyzer, enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	hasTrue := slices.ContainsFunc(analyzers, func(a *analysis.Analyzer) bool { return *enabled[a] == setTrue })
	keep := analyzers[:0:0]
	for _, a := range analyzers {
		if hasTrue && *enabled[a] == setTrue || !hasTrue && *enabled[a] != setFalse {
			keep = append(keep, a)
		}
	}
	kept := closure(keep)
	for a := range closure(analyzers) {
		if !kept[a] {
			for _, f := range a.FactTypes {
				gob.Register(f)
			}
		}
	}
	return keep
}

// closure returns the analyzers and everything they require, transitively.
func closure(analyzers []*analysis.Analyzer) map[*analysis.Analyzer]bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func([]*analysis.Analyzer)
	visit = func(as []*analysis.Analyzer) {
		for _, a := range as {
			if !seen[a] {
				seen[a] = true
				visit(a.Requires)
			}
		}
	}
	visit(analyzers)
	return seen
}

// printFlags writes the flags as JSON, for go vet: it passes a user's flags to the tool only
// if the tool declares them.
func printFlags(fs *flag.FlagSet) error {
	type jsonFlag struct {
		Name  string
		Bool  bool
		Usage string
	}
	var flags []jsonFlag
	fs.VisitAll(func(f *flag.Flag) {
		if slices.Contains(driverOnly, f.Name) || f.Name == "oauthvet."+all.UnitFlag {
			return
		}
		b, ok := f.Value.(interface{ IsBoolFlag() bool })
		flags = append(flags, jsonFlag{f.Name, ok && b.IsBoolFlag(), f.Usage})
	})
	data, err := json.MarshalIndent(flags, "", "\t")
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(data)
	return err
}

// triState is a boolean flag that knows whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) Get() any        { return *ts == setTrue }
func (ts triState) IsBoolFlag() bool { return true }
func (ts *triState) String() string {
	if ts != nil && *ts == setFalse {
		return "false"
	}
	return "true"
}

func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}
