package hardcodedsecret

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// A getenv-with-default helper returns an environment variable or, when it is unset, its
// default: getEnv("CLIENT_SECRET", "f3a9…"). The default is a value written in source, so a
// credential there is a hard-coded one: whoever runs the program without the variable uses
// it, and anyone who reads the code has it.

// envDefaultFact marks a function as a getenv-with-default helper: parameter Key names the
// variable, parameter Default is returned when it is unset. Exported so that calls from
// other packages are judged too.
type envDefaultFact struct{ Key, Default int }

func (*envDefaultFact) AFact() {}

func (f *envDefaultFact) String() string { return fmt.Sprintf("envDefault(%d, %d)", f.Key, f.Default) }

// collectEnvDefaults finds the package's getenv-with-default helpers and exports their facts.
func (s *scanner) collectEnvDefaults() {
	s.envDefaults = map[*types.Func]envDefaultFact{}
	if !catalogue.ImportsAny(s.pass.Pkg, "os") {
		return // no os.Getenv to call
	}
	for _, file := range s.pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv != nil {
				continue
			}
			fn, _ := s.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if f, ok := s.envDefault(fd, fn); ok {
				s.envDefaults[fn] = f
				s.pass.ExportObjectFact(fn, &f)
			}
		}
	}
}

// envDefault reports whether fd returns one string and is a getenv-with-default helper: a
// string parameter is the key of an os.Getenv or os.LookupEnv call in its body, and another
// string parameter is returned as is.
func (s *scanner) envDefault(fd *ast.FuncDecl, fn *types.Func) (envDefaultFact, bool) {
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() < 2 || sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return envDefaultFact{}, false
	}
	param := func(e ast.Expr) int {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return -1
		}
		for i := range sig.Params().Len() {
			if p := sig.Params().At(i); s.pass.TypesInfo.Uses[id] == p && isString(p.Type()) {
				return i
			}
		}
		return -1
	}
	key, def := -1, -1
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if name := catalogue.FullName(s.pass.TypesInfo, n); (name == "os.Getenv" || name == "os.LookupEnv") && len(n.Args) == 1 {
				if i := param(n.Args[0]); i >= 0 {
					key = i
				}
			}
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				if i := param(n.Results[0]); i >= 0 {
					def = i
				}
			}
		}
		return true
	})
	if key < 0 || def < 0 || key == def {
		return envDefaultFact{}, false
	}
	return envDefaultFact{Key: key, Default: def}, true
}

// defaultArg returns the default given to a getenv-with-default helper by call, and the
// helper's name, or nil.
func (s *scanner) defaultArg(e ast.Expr) (ast.Expr, string) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, ""
	}
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil, ""
	}
	f, ok := s.envDefaults[fn]
	if !ok && (fn.Pkg() == s.pass.Pkg || !s.pass.ImportObjectFact(fn, &f)) {
		return nil, ""
	}
	if f.Default >= len(call.Args) {
		return nil, ""
	}
	return call.Args[f.Default], fn.Name()
}
