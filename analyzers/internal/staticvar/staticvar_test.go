package staticvar_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/staticvar"
)

const src = `package p

import "os"

type S struct{ F string }

func (s *S) Set(v string) { s.F = v }

var (
	never    = "a"
	inInit   = "b"
	inInitIf = "c"
	inFunc   = "d"
	inLit    = "e"
	addr     = "f"
	field    = S{F: "g"}
	method   = S{F: "h"}
	incInit  = 1
	zero     string
)

func init() {
	inInit = os.Getenv("B")
	if v := os.Getenv("C"); v != "" {
		inInitIf = v
	}
	go func() { inLit = "x" }()
	incInit++
	method.Set("y")
}

func login() {
	inFunc = "z"
	_ = &addr
	field.F = "w"
}
`

func TestChanges(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	c := staticvar.NewChanges(info, inspector.New([]*ast.File{f}))
	for name, want := range map[string]staticvar.When{
		"never":    0,
		"zero":     0,
		"inInit":   staticvar.AtInit,
		"inInitIf": staticvar.AtInit,
		"incInit":  staticvar.AtInit,
		"inLit":    staticvar.AtRunTime, // a function literal may run later
		"inFunc":   staticvar.AtRunTime,
		"addr":     staticvar.AtRunTime,
		"field":    staticvar.AtRunTime,
		"method":   staticvar.AtRunTime, // a pointer method: its receiver may be kept
	} {
		v := pkg.Scope().Lookup(name).(*types.Var)
		if got := c.When(v); got != want {
			t.Errorf("When(%s) = %v, want %v", name, got, want)
		}
		if got := c.Unchanged(v); got != (want == 0) {
			t.Errorf("Unchanged(%s) = %v", name, got)
		}
		if got := c.Fixed(v); got != (want&staticvar.AtRunTime == 0) {
			t.Errorf("Fixed(%s) = %v", name, got)
		}
	}
}
