package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"log"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis/checker"
)

// print writes the findings in the filter's format (text to stderr, JSON and SARIF to
// stdout) and returns the exit code: 1 if an analyzer failed, else 3 if a finding is
// reported, else 0; with -format=json always 0, as multichecker.
func (f *filter) print(res *Results, stdout, stderr io.Writer, context int) (int, error) {
	var err error
	switch f.format {
	case "json":
		return exitClean, printJSON(stdout, res)
	case "sarif":
		err = printSARIF(stdout, res)
	default:
		err = printText(stderr, res, context)
	}
	if len(res.Errors) > 0 {
		return exitError, err
	}
	for _, x := range res.Findings {
		if !x.Hidden && !x.Silenced {
			return exitFindings, err
		}
	}
	return exitClean, err
}

// shown reports whether a finding is printed in text and JSON.
func (x *Finding) shown() bool { return !x.Hidden && !x.Silenced }

// maskSecrets returns the source lines -c prints with the string literals a hardcodedsecret
// finding points at cut to their first four characters: the source holds the credential
// whole, the output must not.
func maskSecrets(src sources, findings []*Finding) sources {
	for _, x := range findings {
		if x.Analyzer != "hardcodedsecret" || x.Category == "ignore" || x.End.Filename != x.Posn.Filename {
			continue
		}
		for line := x.Posn.Line; line <= x.End.Line; line++ {
			text, ok := src.lineOK(x.Posn.Filename, line)
			if !ok {
				break
			}
			start, end := 0, len(text)
			if line == x.Posn.Line {
				start = min(x.Posn.Column-1, len(text))
			}
			if line == x.End.Line {
				end = min(max(x.End.Column-1, start), len(text))
			}
			src[x.Posn.Filename][line-1] = text[:start] + maskLiterals(text[start:end]) + text[end:]
		}
	}
	return src
}

// maskLiterals cuts the string literals in s (and an unterminated one at its end) to their
// first four characters.
func maskLiterals(s string) string {
	var out strings.Builder
	for s != "" {
		i := strings.IndexAny(s, "\"`")
		if i < 0 {
			out.WriteString(s)
			break
		}
		q := s[i]
		out.WriteString(s[:i+1])
		s = s[i+1:]
		end := len(s) // the closing quote, skipping escaped ones in "..."
		for k := 0; k < len(s); k++ {
			if q == '"' && s[k] == '\\' {
				k++
				continue
			}
			if s[k] == q {
				end = k
				break
			}
		}
		body := []rune(s[:end])
		if len(body) > 4 {
			out.WriteString(string(body[:4]) + "…")
		} else {
			out.WriteString(string(body))
		}
		s = s[end:]
		if s != "" {
			out.WriteByte(q)
			s = s[1:]
		}
	}
	return out.String()
}

// printText prints as multichecker does: each action's error, and each finding once even
// when a file belongs to a package and its test variant, with the related positions
// indented below it and, with -c=N, the offending lines and N lines of context.
func printText(w io.Writer, res *Results, context int) error {
	type key struct {
		posn, end         string
		analyzer, message string
	}
	seen := map[key]bool{}
	src := newSources()
	if context >= 0 {
		src = maskSecrets(src, res.Findings)
	}
	var buf []byte
	for _, e := range res.order {
		if e.err != nil {
			buf = fmt.Appendf(buf, "%s: %v\n", e.analyzer, e.err.Err)
			continue
		}
		for _, x := range e.findings {
			k := key{x.Posn.String(), x.End.String(), x.Analyzer, x.Message}
			if !x.shown() || seen[k] {
				continue
			}
			seen[k] = true
			buf = appendPlain(buf, src, context, x.Posn, x.End, x.Message)
			for _, r := range x.Related {
				buf = appendPlain(buf, src, context, r.Posn, r.End, "\t"+r.Message)
			}
		}
	}
	_, err := w.Write(buf)
	return err
}

func appendPlain(buf []byte, src sources, context int, posn, end token.Position, msg string) []byte {
	buf = fmt.Appendf(buf, "%s: %s\n", posn, msg)
	if context >= 0 {
		if !end.IsValid() {
			end = posn
		}
		for i := posn.Line - context; i <= end.Line+context; i++ {
			if text, ok := src.lineOK(posn.Filename, i); ok {
				buf = fmt.Appendf(buf, "%d\t%s\n", i, text)
			}
		}
	}
	return buf
}

// printJSON prints the go/analysis JSON tree (package ID → analyzer → diagnostics or
// error), with each diagnostic's sub-rule tier and severity added.
func printJSON(w io.Writer, res *Results) error {
	tree := map[string]map[string]any{}
	add := func(pkg, analyzer string, v any) {
		if tree[pkg] == nil {
			tree[pkg] = map[string]any{}
		}
		tree[pkg][analyzer] = v
	}
	for _, e := range res.order {
		if e.err != nil {
			add(e.pkg, e.analyzer, struct {
				Err string `json:"error"`
			}{e.err.Err})
			continue
		}
		var diags []jsonDiagnostic
		for _, x := range e.findings {
			if x.shown() {
				diags = append(diags, newJSONDiagnostic(x))
			}
		}
		if len(diags) > 0 {
			add(e.pkg, e.analyzer, diags)
		}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// jsonDiagnostic is go/analysis's JSON diagnostic, with tier and severity at the end.
type jsonDiagnostic struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated `json:"related,omitempty"`
	Tier           string        `json:"tier,omitempty"`
	Severity       string        `json:"severity,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

func newJSONDiagnostic(x *Finding) jsonDiagnostic {
	d := jsonDiagnostic{Category: x.Category, Posn: x.Posn.String(), End: x.End.String(), Message: x.Message,
		Tier: string(x.Rule.Tier), Severity: string(x.Rule.Severity)}
	for _, f := range x.Fixes {
		jf := jsonFix{Message: f.Message}
		for _, e := range f.Edits {
			jf.Edits = append(jf.Edits, jsonEdit{e.File, e.Start, e.End, e.New})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, jf)
	}
	for _, r := range x.Related {
		d.Related = append(d.Related, jsonRelated{r.Posn.String(), r.End.String(), r.Message})
	}
	return d
}

// printTimes prints, for -debug=t, the actions that took 90% of the time.
func printTimes(graph *checker.Graph, sequential bool) {
	if !sequential {
		log.Println("Warning: times are mostly GC/scheduler noise; use -debug=tp to disable parallelism")
	}
	var list []*checker.Action
	var total time.Duration
	for act := range graph.All() {
		list = append(list, act)
		total += act.Duration
	}
	slices.SortFunc(list, func(a, b *checker.Action) int { return cmp.Compare(b.Duration, a.Duration) })
	var sum time.Duration
	for _, act := range list {
		log.Printf("%s\t%s", act.Duration, act)
		sum += act.Duration
		if sum >= total*9/10 {
			break
		}
	}
	if total > sum {
		log.Printf("%s\tall others", total-sum)
	}
}
