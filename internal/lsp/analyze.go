package lsp

import (
	"context"
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/oauthvet/oauthvet/analyzers/all"
	"github.com/oauthvet/oauthvet/internal/driver"
)

// configAnalyzerName is the name of the analyzer that loads the rules (and owns
// -oauthvet.config); it reports only malformed //oauthvet:ignore directives itself.
const configAnalyzerName = "oauthvet"

// result is what one analysis of a package directory found.
type result struct {
	files     map[string][]finding // every Go file of the directory's packages, by absolute name
	configErr *configError         // the rules could not be loaded
	errs      []string             // other analyzer failures, for the log
}

// finding is one diagnostic in LSP form, with its fixes.
type finding struct {
	diag     diagnostic
	category string // the go/analysis Category: the check's sub-rule
	fixes    []fix
}

// fix is one SuggestedFix as LSP edits, by file name.
type fix struct {
	title string
	edits map[string][]textEdit
}

// configError is a config file error as the config analyzer reports it:
// "file:line:col: message" or "file: message".
type configError struct {
	file      string
	line, col int // 1-based; 0 if unknown
	msg       string
}

var configErrorRE = regexp.MustCompile(`^(.+?\.toml)(?::(\d+):(\d+))?: (.*)$`)

func parseConfigError(err error) *configError {
	m := configErrorRE.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return &configError{file: m[1], line: line, col: col, msg: m[4]}
}

// analyzeDir loads the package in dir (with its tests) and runs the analyzers on it.
// overlay holds the unsaved contents of open files. Packages that do not type-check are
// analysed anyway: analyzers without RunDespiteErrors are skipped for them.
func analyzeDir(ctx context.Context, dir string, overlay map[string][]byte, analyzers []*analysis.Analyzer) (*result, error) {
	// As the standalone driver loads: the standard library from export data (no overlay
	// can change it), every other dependency from source for its facts.
	pkgs, err := driver.Load(ctx, dir, overlay, ".")
	if err != nil {
		return nil, err
	}
	roots := selectRoots(pkgs, dir)
	res := &result{files: map[string][]finding{}}
	for _, p := range roots {
		for _, f := range p.CompiledGoFiles {
			if filepath.Dir(f) == dir {
				res.files[f] = nil
			}
		}
	}
	if len(roots) == 0 {
		return res, nil
	}
	graph, err := analyzeSafely(analyzers, roots)
	if err != nil {
		res.errs = append(res.errs, err.Error())
		return res, nil
	}
	collect(res, graph, dir, newConverter(overlay))
	return res, nil
}

// selectRoots picks the packages to analyse among those "go list -test ." gives: each
// package with its in-package tests (p [p.test]) instead of p alone, which it contains,
// and the external test package; never the generated test main.
func selectRoots(pkgs []*packages.Package, dir string) []*packages.Package {
	ids := map[string]bool{}
	for _, p := range pkgs {
		ids[p.ID] = true
	}
	var roots []*packages.Package
	for _, p := range pkgs {
		if ids[p.ID+" ["+p.PkgPath+".test]"] {
			continue // its test variant holds the same files and more
		}
		if p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test") && !inDir(p, dir) {
			continue // the generated test main, in the build cache
		}
		roots = append(roots, p)
	}
	return roots
}

func inDir(p *packages.Package, dir string) bool {
	for _, f := range p.CompiledGoFiles {
		if filepath.Dir(f) == dir {
			return true
		}
	}
	return false
}

// analyzeSafely runs the checker, turning a panic in an analyzer into an error. The
// checker runs sequentially so that a panic happens on this goroutine and can be
// recovered: a language server must outlive a bug in one check.
func analyzeSafely(analyzers []*analysis.Analyzer, pkgs []*packages.Package) (g *checker.Graph, err error) {
	defer func() {
		if r := recover(); r != nil {
			// The panic value may quote source text (a secret); name only where it happened.
			err = fmt.Errorf("an analyzer panicked in %s; this run's diagnostics are dropped", panicSite())
		}
	}()
	return checker.Analyze(analyzers, pkgs, &checker.Options{Sequential: true})
}

// panicSite names the innermost function outside the runtime on the panicking stack.
func panicSite() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") && f.Function != "" {
			return f.Function
		}
		if !more {
			return "an unknown function"
		}
	}
}

// collect turns the root actions' diagnostics in dir's files into findings, and their
// errors into res.configErr or res.errs.
func collect(res *result, graph *checker.Graph, dir string, conv *converter) {
	type key struct {
		analyzer, file string
		start, end     token.Pos
		msg            string
	}
	seen := map[key]bool{}
	errSeen := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			if ce := parseConfigError(act.Err); ce != nil && act.Analyzer.Name == configAnalyzerName {
				res.configErr = ce
			} else if msg := act.Err.Error(); !quietError(msg) && !errSeen[msg] {
				errSeen[msg] = true
				res.errs = append(res.errs, fmt.Sprintf("%s on %s: %s", act.Analyzer.Name, act.Package.ID, msg))
			}
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			file := fileName(fset, d.Pos)
			if filepath.Dir(file) != dir {
				continue
			}
			k := key{act.Analyzer.Name, file, d.Pos, d.End, d.Message}
			if seen[k] {
				continue // the same file in the package and its test variant
			}
			seen[k] = true
			res.files[file] = append(res.files[file], conv.finding(fset, act.Analyzer, d))
		}
	}
	for _, fs := range res.files {
		sort.SliceStable(fs, func(i, j int) bool { return before(fs[i].diag.Range.Start, fs[j].diag.Range.Start) })
	}
}

// quietError reports errors that follow from others or from the package not type-checking:
// not worth a log line.
func quietError(msg string) bool {
	return strings.HasPrefix(msg, "failed prerequisites") || strings.Contains(msg, "analysis skipped due to errors in package")
}

func fileName(fset *token.FileSet, pos token.Pos) string {
	if tf := fset.File(pos); tf != nil {
		return tf.Name()
	}
	return ""
}

// finding converts one go/analysis diagnostic.
func (c *converter) finding(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic) finding {
	_, r, _ := c.tokenRange(fset, d.Pos, d.End)
	diag := diagnostic{
		Range:    r,
		Severity: SeverityWarning,
		Code:     a.Name,
		Source:   "oauthvet",
		Message:  d.Message,
	}
	if href := docsURL(a, d); href != "" {
		diag.CodeDescription = &codeDescription{Href: href}
	}
	for _, rel := range d.Related {
		if file, rr, ok := c.tokenRange(fset, rel.Pos, rel.End); ok {
			diag.RelatedInformation = append(diag.RelatedInformation, relatedInformation{
				Location: location{URI: fileURI(file), Range: rr},
				Message:  rel.Message,
			})
		}
	}
	f := finding{diag: diag, category: d.Category}
	for _, sf := range d.SuggestedFixes {
		fx := fix{title: sf.Message, edits: map[string][]textEdit{}}
		for _, e := range sf.TextEdits {
			file, rr, ok := c.tokenRange(fset, e.Pos, e.End)
			if !ok {
				continue
			}
			fx.edits[file] = append(fx.edits[file], textEdit{Range: rr, NewText: string(e.NewText)})
		}
		if len(fx.edits) > 0 {
			f.fixes = append(f.fixes, fx)
		}
	}
	return f
}

// docsURL is the check's page; the config analyzer's own reports (about
// //oauthvet:ignore directives) link to the URL the driver resolved for them.
func docsURL(a *analysis.Analyzer, d analysis.Diagnostic) string {
	if a.Name == configAnalyzerName {
		if d.URL != "" {
			return d.URL
		}
		return a.URL
	}
	return all.DocsBase + a.Name + ".md"
}
