// Package suppress reads //oauthvet:ignore directives and decides which findings they
// silence.
//
// A directive has the form
//
//	//oauthvet:ignore NAME[,NAME] -- reason
//
// and silences findings of the named checks on its own line or on the line below it. The
// reason is required: a directive without one silences nothing and is itself reported.
package suppress

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

const prefix = "//oauthvet:ignore"

// Directive is one //oauthvet:ignore comment.
type Directive struct {
	Pos    token.Pos
	End    token.Pos
	File   string
	Line   int
	Checks []string
	Reason string
	// Problem says why the directive is malformed; a malformed directive silences nothing.
	Problem string
}

// Parse returns the directives in files, in source order.
func Parse(fset *token.FileSet, files []*ast.File) []*Directive {
	var out []*Directive
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, prefix) {
					continue
				}
				rest := c.Text[len(prefix):]
				if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue // e.g. //oauthvet:ignored: not ours
				}
				posn := fset.Position(c.Pos())
				d := &Directive{Pos: c.Pos(), End: c.End(), File: posn.Filename, Line: posn.Line}
				names, reason, found := strings.Cut(rest, "--")
				for _, n := range strings.Split(names, ",") {
					if n = strings.TrimSpace(n); n != "" {
						d.Checks = append(d.Checks, n)
					}
				}
				d.Reason = strings.TrimSpace(reason)
				switch {
				case !found || d.Reason == "":
					d.Problem = "//oauthvet:ignore needs a reason after \" -- \"; it silences nothing without one"
				case len(d.Checks) == 0:
					d.Problem = "//oauthvet:ignore names no check; write //oauthvet:ignore NAME -- reason"
				case strings.ContainsAny(strings.Join(d.Checks, ""), " \t"):
					d.Problem = "//oauthvet:ignore: separate check names with commas and give the reason after \" -- \""
				}
				out = append(out, d)
			}
		}
	}
	return out
}

// Names reports whether the directive names check.
func (d *Directive) Names(check string) bool {
	for _, c := range d.Checks {
		if c == check {
			return true
		}
	}
	return false
}

// Filter tracks which directives one check has used while it runs on one package.
type Filter struct {
	check string
	dirs  []*Directive
	used  map[*Directive]bool
}

// NewFilter returns a filter for the findings of check.
func NewFilter(check string, dirs []*Directive) *Filter {
	return &Filter{check: check, dirs: dirs, used: map[*Directive]bool{}}
}

// Silenced reports whether a finding of the check at posn is silenced, and marks the
// directive that silences it as used.
func (f *Filter) Silenced(posn token.Position) bool { return f.Silencer(posn) != nil }

// Silencer returns the directive that silences a finding of the check at posn, marked as
// used, or nil.
func (f *Filter) Silencer(posn token.Position) *Directive {
	for _, d := range f.dirs {
		if d.Problem == "" && d.File == posn.Filename && (d.Line == posn.Line || d.Line == posn.Line-1) && d.Names(f.check) {
			f.used[d] = true
			return d
		}
	}
	return nil
}

// markPrefix starts the message of the related entry that Mark adds.
const markPrefix = "suppressed by //oauthvet:ignore -- "

// Mark returns the diagnostic d, silenced by directive, with a last related entry at the
// directive that says so and gives its reason. A driver that reports silenced findings
// (SARIF's suppressions) recognises it with Suppression.
func Mark(d analysis.Diagnostic, directive *Directive) analysis.Diagnostic {
	d.Related = append(d.Related[:len(d.Related):len(d.Related)], analysis.RelatedInformation{
		Pos: directive.Pos, End: directive.End, Message: markPrefix + directive.Reason})
	return d
}

// Suppression reports whether d was marked by Mark, and returns the directive's reason and
// d without the mark.
func Suppression(d analysis.Diagnostic) (reason string, unmarked analysis.Diagnostic, ok bool) {
	n := len(d.Related)
	if n == 0 {
		return "", d, false
	}
	reason, ok = strings.CutPrefix(d.Related[n-1].Message, markPrefix)
	if !ok {
		return "", d, false
	}
	d.Related = d.Related[: n-1 : n-1]
	if len(d.Related) == 0 {
		d.Related = nil
	}
	return reason, d, true
}

// Unused returns the well-formed directives that name the check but silenced nothing.
func (f *Filter) Unused() []*Directive {
	var out []*Directive
	for _, d := range f.dirs {
		if d.Problem == "" && d.Names(f.check) && !f.used[d] {
			out = append(out, d)
		}
	}
	return out
}
