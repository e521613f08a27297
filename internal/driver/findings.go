package driver

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// A Finding is one diagnostic of one analyzer on one package, with what every output needs
// of it. It holds no token.Pos: it outlives the FileSet.
type Finding struct {
	Package  string // the package's ID
	Analyzer string
	Category string
	Rule     all.Category // the sub-rule: tier, severity, security-severity
	Posn     token.Position
	End      token.Position
	Message  string
	Related  []Related
	Fixes    []Fix
	// Suppressed holds the reason of the //oauthvet:ignore directive that silences the
	// finding (reported only for SARIF); Silenced tells it from an empty reason.
	Suppressed string
	Silenced   bool
	// Func is the declaration that encloses the finding ("(*T).M", "F", "var x").
	Func string
	// Fingerprint identifies the finding across runs whatever lines move: a hash of the
	// file, analyzer, category, Func, the normalised text of the line and an occurrence
	// index among findings that share all of these. Never the line number.
	Fingerprint string
	// Hidden marks a finding a filter (-severity, -tier, -baseline) removed.
	Hidden bool
}

// Related is a secondary position of a finding.
type Related struct {
	Posn, End token.Position
	Message   string
}

// Fix is a suggested fix with its edits as byte offsets.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces bytes [Start, End) of File with New.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// An ActionError is an analyzer's failure on a package.
type ActionError struct {
	Package, Analyzer string
	Err               string
}

// Results are the outcome of an analysis: per root action, in the order multichecker
// prints them, its findings; and the errors of every action, roots and dependencies.
type Results struct {
	Findings []*Finding
	Errors   []ActionError
	// LoadFailed records that packages had load, parse or type errors.
	LoadFailed bool
	// order lists each action's entry (findings or an error), for the printers that follow
	// multichecker's order exactly.
	order []entry
}

type entry struct {
	pkg, analyzer string
	err           *ActionError
	findings      []*Finding
}

// collect turns the graph's diagnostics into Findings, in multichecker's order (depth-first
// postorder from the roots), and computes their fingerprints.
func collect(graph *checker.Graph) *Results {
	res := &Results{}
	src := newSources()
	seen := map[*checker.Action]bool{}
	var visit func([]*checker.Action)
	visit = func(acts []*checker.Action) {
		for _, act := range acts {
			if seen[act] {
				continue
			}
			seen[act] = true
			visit(act.Deps)
			e := entry{pkg: act.Package.ID, analyzer: act.Analyzer.Name}
			if act.Err != nil {
				e.err = &ActionError{act.Package.ID, act.Analyzer.Name, act.Err.Error()}
				res.Errors = append(res.Errors, *e.err)
			} else if act.IsRoot {
				for _, d := range act.Diagnostics {
					f := newFinding(act, d)
					f.Func = enclosing(act.Package, d.Pos)
					e.findings = append(e.findings, f)
					res.Findings = append(res.Findings, f)
				}
			}
			res.order = append(res.order, e)
		}
	}
	visit(graph.Roots)
	fingerprint(res.Findings, src)
	return res
}

func newFinding(act *checker.Action, d analysis.Diagnostic) *Finding {
	fset := act.Package.Fset
	reason, d, silenced := all.Suppression(d)
	f := &Finding{
		Package:    act.Package.ID,
		Analyzer:   act.Analyzer.Name,
		Category:   d.Category,
		Rule:       all.CategoryOf(act.Analyzer.Name, d.Category),
		Posn:       fset.Position(d.Pos),
		End:        fset.Position(cmp.Or(d.End, d.Pos)),
		Message:    d.Message,
		Suppressed: reason,
		Silenced:   silenced,
	}
	for _, r := range d.Related {
		f.Related = append(f.Related, Related{fset.Position(r.Pos), fset.Position(cmp.Or(r.End, r.Pos)), r.Message})
	}
	for _, fix := range d.SuggestedFixes {
		x := Fix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			p := fset.Position(e.Pos)
			x.Edits = append(x.Edits, Edit{p.Filename, p.Offset, fset.Position(e.End).Offset, string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, x)
	}
	return f
}

// enclosing names the top-level declaration of pkg that holds pos: "F", "(*T).M", "T.M",
// "var x" (a package-level variable, constant or type: its first name); "" for none.
func enclosing(pkg *packages.Package, pos token.Pos) string {
	for _, file := range pkg.Syntax {
		if pos < file.FileStart || pos > file.FileEnd {
			continue
		}
		for _, decl := range file.Decls {
			if pos < decl.Pos() || pos > decl.End() {
				continue
			}
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv != nil && len(decl.Recv.List) > 0 {
					return "(" + types.ExprString(decl.Recv.List[0].Type) + ")." + decl.Name.Name
				}
				return decl.Name.Name
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					if pos < spec.Pos() || pos > spec.End() {
						continue
					}
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						return decl.Tok.String() + " " + spec.Names[0].Name
					case *ast.TypeSpec:
						return "type " + spec.Name.Name
					}
				}
				return decl.Tok.String()
			}
		}
		return ""
	}
	return ""
}

// sources reads files once, for fingerprints, SARIF regions and -c context.
type sources map[string][]string

func newSources() sources { return sources{} }

// line returns the text of line n (from 1) of file, or "".
func (s sources) line(file string, n int) string {
	l, _ := s.lineOK(file, n)
	return l
}

// lineOK returns the text of line n (from 1) of file, and whether there is such a line.
func (s sources) lineOK(file string, n int) (string, bool) {
	lines, ok := s[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		s[file] = lines
	}
	if n < 1 || n > len(lines) {
		return "", false
	}
	return strings.TrimSuffix(lines[n-1], "\r"), true
}

// fingerprintVersion names the fingerprint's recipe in SARIF partialFingerprints.
const fingerprintVersion = "oauthvet/v1"

// fingerprint sets each finding's Fingerprint. Identical findings of a package and its
// test variant get the same one.
func fingerprint(findings []*Finding, src sources) {
	type key struct{ file, analyzer, category, fn, text string }
	// The occurrence index counts distinct positions with the same key, in file order.
	positions := map[key][]token.Position{}
	keys := make([]key, len(findings))
	for i, f := range findings {
		k := key{relPath(f.Posn.Filename), f.Analyzer, f.Category, f.Func, normalise(src.line(f.Posn.Filename, f.Posn.Line))}
		keys[i] = k
		ps := positions[k]
		found := false
		for _, p := range ps {
			if p == f.Posn {
				found = true
			}
		}
		if !found {
			positions[k] = append(ps, f.Posn)
		}
	}
	for _, ps := range positions {
		sortPositions(ps)
	}
	for i, f := range findings {
		k := keys[i]
		n := 0
		for j, p := range positions[k] {
			if p == f.Posn {
				n = j
			}
		}
		h := sha256.New()
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%d", k.file, k.analyzer, k.category, k.fn, k.text, n)
		f.Fingerprint = hex.EncodeToString(h.Sum(nil))[:32]
	}
}

func sortPositions(ps []token.Position) {
	slices.SortFunc(ps, func(a, b token.Position) int { return cmp.Compare(a.Offset, b.Offset) })
}

// normalise drops the spaces of a line of source, so that re-indenting or re-aligning it
// keeps its fingerprint.
func normalise(line string) string {
	return strings.Join(strings.Fields(line), " ")
}

// root is the directory SARIF URIs and fingerprints are relative to: the repository root
// (the nearest directory above the current one with a .git), else the module root, else
// the current directory.
var root = sync.OnceValue(func() string {
	cwd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := cwd; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if r := all.ModuleRoot(cwd); r != "" {
		return r
	}
	return cwd
})

// relPath returns file relative to root, with slashes, or the absolute path with slashes
// if it is outside root.
func relPath(file string) string {
	if rel, ok := underRoot(file); ok {
		return rel
	}
	return filepath.ToSlash(file)
}

// underRoot returns file relative to root, with slashes, if it is below root.
func underRoot(file string) (string, bool) {
	rel, err := filepath.Rel(root(), file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
