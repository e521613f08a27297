package suppress

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestMarkAndSuppression(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", "package a\n\n//oauthvet:ignore tokenlog -- redacted by the handler\nvar x = 1\n", parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	filter := NewFilter("tokenlog", Parse(fset, []*ast.File{f}))
	posn := token.Position{Filename: "a.go", Line: 4, Column: 5}
	dir := filter.Silencer(posn)
	if dir == nil || len(filter.Unused()) != 0 {
		t.Fatalf("directive not found or not marked used")
	}
	if NewFilter("pkce", Parse(fset, []*ast.File{f})).Silencer(posn) != nil {
		t.Errorf("a directive for tokenlog silences pkce")
	}

	related := []analysis.RelatedInformation{{Pos: 1, Message: "the source"}}
	d := analysis.Diagnostic{Pos: 30, Message: "m", Related: related}
	marked := Mark(d, dir)
	if len(related) != 1 || len(d.Related) != 1 {
		t.Fatalf("Mark changed its argument")
	}
	reason, un, ok := Suppression(marked)
	if !ok || reason != "redacted by the handler" || len(un.Related) != 1 || un.Related[0].Message != "the source" {
		t.Errorf("Suppression(Mark(d)) = %q, %+v, %v", reason, un.Related, ok)
	}
	if _, _, ok := Suppression(d); ok {
		t.Errorf("an unmarked diagnostic is reported as suppressed")
	}
	if _, un, ok := Suppression(Mark(analysis.Diagnostic{Pos: 30}, dir)); !ok || un.Related != nil {
		t.Errorf("mark on a diagnostic without related entries not removed cleanly: %+v", un.Related)
	}
}
