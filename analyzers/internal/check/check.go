// Package check holds what every oauthvet check shares around its own logic: the rules for
// the package, checks switched off by path, //oauthvet:ignore suppression, reports of
// directives that silence nothing, and recovery from a panic inside a check.
package check

import (
	"fmt"
	"go/ast"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/secretscan"
	"github.com/oauthvet/oauthvet/analyzers/internal/suppress"
)

// Pass is an analysis pass with the package's rules. Its Report (and so Reportf) applies
// the config's path rules and //oauthvet:ignore directives (with -oauthvet.suppressed, a
// silenced finding is reported marked by suppress.Mark instead of dropped).
type Pass struct {
	*analysis.Pass
	Rules *config.Rules
}

// FactsOnly reports whether go vet runs the tool on this package only for its facts: its
// diagnostics are discarded, so a check that exports facts need only compute those.
func (p *Pass) FactsOnly() bool { return p.Rules.FactsOnly }

// Run adapts a check's run function to analysis.Analyzer.Run. The check's analyzer must
// require config.Analyzer.
func Run(run func(*Pass) error) func(*analysis.Pass) (any, error) {
	return func(ap *analysis.Pass) (result any, err error) {
		name := ap.Analyzer.Name
		rules, _ := ap.ResultOf[config.Analyzer].(*config.Rules)
		if rules == nil {
			return nil, fmt.Errorf("check %s: no rules (it must require config.Analyzer)", name)
		}
		if rules.FactsOnly && (len(ap.Analyzer.FactTypes) == 0 || config.IsStd(ap)) {
			// Nothing it could report would be shown, and the standard library holds no
			// credentials, options or flows whose facts a check needs.
			return nil, nil
		}
		defer func() {
			if r := recover(); r != nil {
				err = panicError(name, ap.Pkg.Path(), r)
			}
		}()
		ap.Files = sourceFiles(ap)
		filter := suppress.NewFilter(name, suppress.Parse(ap.Fset, ap.Files))
		report := ap.Report
		ap.Report = func(d analysis.Diagnostic) {
			posn := ap.Fset.Position(d.Pos)
			if rules.DisabledFor(name, posn.Filename) {
				return
			}
			if d.Category == "" {
				d.Category = name
			}
			if dir := filter.Silencer(posn); dir != nil {
				if !config.ReportSuppressed() {
					return
				}
				d = suppress.Mark(d, dir) // for SARIF's suppressions
			}
			report(d)
		}
		if err := run(&Pass{Pass: ap, Rules: rules}); err != nil {
			return nil, err
		}
		for _, d := range filter.Unused() {
			if !rules.DisabledFor(name, d.File) {
				report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: "ignore",
					Message: fmt.Sprintf("//oauthvet:ignore %s silences no finding of %s; remove it", strings.Join(d.Checks, ","), name)})
			}
		}
		return nil, nil
	}
}

// panicError turns a panic inside a check into an error for this package alone, naming the
// check and the innermost frame; it never repeats a secret the panic value may hold.
func panicError(check, pkg string, r any) error {
	return recovered(check, pkg, r, "")
}

// PanicError is the error for a panic recovered by analysis code outside check.Run (an
// analyzer shared by the checks): its message is redacted, and the position reported is
// the first frame of the analyzers outside the caller's file.
func PanicError(analyzer, pkg string, r any) error {
	_, file, _, _ := runtime.Caller(1)
	return recovered(analyzer, pkg, r, file)
}

func recovered(check, pkg string, r any, skipFile string) error {
	msg := fmt.Sprint(r)
	if rules, err := config.Defaults(); err == nil {
		if m, ok := secretscan.FindFormat(&rules.Secrets, msg, false); ok {
			msg = strings.ReplaceAll(msg, m.Value, m.Describe())
		}
	}
	where := ""
	for _, line := range strings.Split(string(debug.Stack()), "\n") {
		if strings.Contains(line, "/analyzers/") && !strings.Contains(line, "/internal/check/") && strings.HasPrefix(line, "\t") &&
			(skipFile == "" || !strings.Contains(line, skipFile+":")) {
			where = " at " + strings.TrimSpace(line)
			break
		}
	}
	return fmt.Errorf("internal error: check %s panicked on package %s: %s%s (please report this)", check, pkg, msg, where)
}

// sourceFiles returns the package's files that map to Go source in the module: cgo's
// rewritten files (in the build cache, with //line directives back to the .go file) are
// kept; the test main that go test synthesises, which maps to no .go file, is dropped.
func sourceFiles(pass *analysis.Pass) []*ast.File {
	out := make([]*ast.File, 0, len(pass.Files))
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.PositionFor(f.Package, true).Filename, ".go") {
			out = append(out, f)
		}
	}
	return out
}
