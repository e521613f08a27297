package driver

import (
	"bytes"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

func TestUnified(t *testing.T) {
	a := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	b := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
	want := `--- x (old)
+++ x (new)
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -8,3 +8,4 @@
 h
 i
 j
+k
`
	if got := unified("x (old)", "x (new)", a, b); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := unified("x", "y", a, a); got != "" {
		t.Errorf("equal inputs: %q", got)
	}
	if got := unified("x", "y", "a", "b"); !strings.Contains(got, "-a\n\\ No newline at end of file\n+b\n") {
		t.Errorf("no final newline:\n%s", got)
	}
}

func TestUTF16Column(t *testing.T) {
	line := "\ts := \"é𝄞\" + x"
	// x is at byte column 18; in UTF-16 units é counts 1 and 𝄞 2: column 15.
	if got := utf16Column(line, strings.Index(line, "x")+1); got != 15 {
		t.Errorf("column of x = %d, want 15", got)
	}
	if got := utf16Column(line, 1); got != 1 {
		t.Errorf("column 1 = %d", got)
	}
}

func TestNormaliseAndEnclosing(t *testing.T) {
	if got := normalise("\t  x :=   f( a,  b )  "); got != "x := f( a, b )" {
		t.Errorf("normalise = %q", got)
	}
}

func TestHelpMarkdown(t *testing.T) {
	a := &analysis.Analyzer{Name: "demo", Doc: "report demos\n\nWhy it matters.\n\nBad:\n\n\tx := 1\n\n\ty := 2\n\nGood:\n\n\tx := f()\n\nEnd."}
	got := helpMarkdown(a, "https://example.com/demo.md")
	for _, want := range []string{"**report demos** (`demo`)", "**Bad:**", "```go\nx := 1\n\ny := 2\n```", "```go\nx := f()\n```", "End.", "(https://example.com/demo.md)"} {
		if !strings.Contains(got, want) {
			t.Errorf("markdown lacks %q:\n%s", want, got)
		}
	}
}

// rename suggests replacing every identifier named bad by good, and (as a second,
// conflicting fix) by better.
var rename = &analysis.Analyzer{
	Name: "rename",
	Doc:  "rename bad",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Name == "bad" {
					for _, to := range []string{"good", "better"} {
						pass.Report(analysis.Diagnostic{Pos: id.Pos(), End: id.End(), Message: "bad name",
							SuggestedFixes: []analysis.SuggestedFix{{Message: "rename to " + to,
								TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte(to)}}}}})
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestApplyFixes(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nvar bad = 1\n\nvar x =   bad\n"
	file := filepath.Join(dir, "p.go")
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/p\n\ngo 1.26\n"), 0o644)
	os.WriteFile(file, []byte(src), 0o644)
	graph := func() *checker.Graph {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: dir}, "./...")
		if err != nil || len(pkgs) != 1 {
			t.Fatalf("load: %v", err)
		}
		g, err := checker.Analyze([]*analysis.Analyzer{rename}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}

	var diff bytes.Buffer
	err := applyFixes(graph(), true, &diff)
	if err == nil || !strings.Contains(err.Error(), "2 of 4 fixes skipped") {
		t.Errorf("-diff: error %v, want the two conflicting fixes skipped", err)
	}
	want := "@@ -1,5 +1,5 @@\n package p\n \n-var bad = 1\n+var good = 1\n \n-var x =   bad\n+var x = good\n"
	if !strings.Contains(diff.String(), want) {
		t.Errorf("-diff printed\n%s\nwant\n%s", diff.String(), want)
	}
	if data, _ := os.ReadFile(file); string(data) != src {
		t.Errorf("-diff changed the file")
	}

	err = applyFixes(graph(), false, &diff)
	if err == nil || !strings.Contains(err.Error(), "applied 2 of 4 fixes; 1 files updated") {
		t.Errorf("-fix: error %v", err)
	}
	if data, _ := os.ReadFile(file); string(data) != "package p\n\nvar good = 1\n\nvar x = good\n" {
		t.Errorf("-fix wrote\n%s", data)
	}
}

func TestEnclosing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/p\n\ngo 1.26\n"), 0o644)
	src := "package p\n\nvar cfg = 1\n\ntype T struct{ f int }\n\nfunc (t *T) M() int { return t.f }\n\nfunc F() { _ = func() int { return 2 } }\n"
	os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644)
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: dir}, ".")
	if err != nil || len(pkgs) != 1 {
		t.Fatalf("load: %v", err)
	}
	pkg := pkgs[0]
	file := pkg.Fset.File(pkg.Syntax[0].FileStart)
	for _, tc := range []struct{ at, want string }{
		{"cfg", "var cfg"}, {"f int", "type T"}, {"t.f", "(*T).M"}, {"return 2", "F"}, {"package", ""},
	} {
		pos := file.Pos(strings.Index(src, tc.at))
		if got := enclosing(pkg, pos); got != tc.want {
			t.Errorf("enclosing(%q) = %q, want %q", tc.at, got, tc.want)
		}
	}
}

// Two findings on identical lines of one function differ by their occurrence index; a
// package and its test variant reporting the same finding share a fingerprint.
func TestFingerprintOccurrences(t *testing.T) {
	file := filepath.Join(root(), "x.go")
	src := sources{file: {"func F() {", "\tlog(tok)", "\tlog(tok)", "}"}}
	at := func(line int) token.Position {
		return token.Position{Filename: file, Line: line, Column: 2, Offset: line * 10}
	}
	fs := []*Finding{
		{Analyzer: "tokenlog", Category: "tokenlog", Func: "F", Posn: at(2)},
		{Analyzer: "tokenlog", Category: "tokenlog", Func: "F", Posn: at(3)},
		{Analyzer: "tokenlog", Category: "tokenlog", Func: "F", Posn: at(2)}, // the test variant
	}
	fingerprint(fs, src)
	if fs[0].Fingerprint == fs[1].Fingerprint || fs[0].Fingerprint != fs[2].Fingerprint {
		t.Errorf("fingerprints %s %s %s", fs[0].Fingerprint, fs[1].Fingerprint, fs[2].Fingerprint)
	}
	first := fs[0].Fingerprint
	src[file] = append([]string{"", ""}, src[file]...) // two lines inserted above
	fs[0].Posn, fs[0].Fingerprint = at(4), ""
	fingerprint(fs[:1], src)
	if fs[0].Fingerprint != first {
		t.Errorf("the fingerprint changed when the line moved")
	}
}

func TestMaskLiterals(t *testing.T) {
	for in, want := range map[string]string{
		`"Bearer Zq8vN3xK7mL2pR5t")`: `"Bear…")`,
		`x, "ab", "a\"bcdef"`:        `x, "ab", "a\"b…"`,
		"`raw-secret-text`":          "`raw-…`",
		`"unterminated-secret`:       `"unte…`,
		`lib.Password`:               `lib.Password`,
	} {
		if got := maskLiterals(in); got != want {
			t.Errorf("maskLiterals(%s) = %s, want %s", in, got, want)
		}
	}
}
