// Package authflow follows the values of an OAuth authorization-code flow through a
// package, for the pkce, oauthstate and legacygrant checks:
//
//   - which AuthCodeOption values reach a call, through local variables, option slices built
//     with append and passed with opts..., and helper functions of this package or (by
//     facts) of another;
//   - where a string such as a PKCE verifier or a state comes from: a constant, a
//     package-level value fixed at start-up, a predictable source, or a fresh random one;
//   - which parameters a hand-built authorization or token request carries (url.Values, or
//     a constant query string).
//
// It is syntax and types with a flow-insensitive, intra-function def-use over the AST: a
// variable is the union of every value assigned to it. Whatever it cannot follow (a
// parameter, a field, a call of an unknown function, a variable whose address is taken)
// is Unresolved or Unknown, and the checks stay silent on it.
package authflow

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/staticvar"
)

// Analyzer computes a *Flow for each package, and exports the facts that carry option
// helpers and fixed package-level strings across packages. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:             "authflow",
	Doc:              "follow OAuth authorization-code values (options, verifiers, states) for the pkce, oauthstate and legacygrant checks",
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Flow](),
	FactTypes:        []analysis.Fact{new(OptionsFact), new(FixedVarFact)},
}

// OptionsFact records what an exported function returning oauth2.AuthCodeOption or
// []oauth2.AuthCodeOption (or an exported variable of those types) holds, so that a
// helper in another package that always adds the S256 challenge is seen by its callers.
type OptionsFact struct{ Kinds Kind }

func (*OptionsFact) AFact()           {}
func (f *OptionsFact) String() string { return "options(" + f.Kinds.String() + ")" }

// FixedVarFact records that an exported package-level string variable is set once at
// start-up: staticvar's Fixed (changed, if at all, only in a func init of its package).
type FixedVarFact struct{}

func (*FixedVarFact) AFact()           {}
func (f *FixedVarFact) String() string { return "fixedVar" }

// Flow answers questions about the values of one package. It is the Analyzer's result,
// shared by the checks that require it, which a driver runs in parallel: its exported
// methods hold mu, as they fill its caches.
type Flow struct {
	mu          sync.Mutex
	pass        *analysis.Pass
	ins         *inspector.Inspector
	pkgVars     map[*types.Var]*varInfo // package-level variables, scanned once
	changes     *staticvar.Changes      // when package-level variables may change
	locals      map[*types.Var]*varInfo
	funcDecls   map[*types.Func]*ast.FuncDecl
	funcKinds   map[*types.Func]Kind
	fieldWrites map[*types.Var]fieldWrite // by constructionWrites
	requests    []*Request
	scanned     bool // requests computed
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	f := &Flow{
		pass:      pass,
		ins:       ins,
		changes:   staticvar.NewChanges(pass.TypesInfo, ins),
		locals:    map[*types.Var]*varInfo{},
		funcKinds: map[*types.Func]Kind{},
	}
	f.exportFixedVars()
	if catalogue.ImportsAny(pass.Pkg, catalogue.OAuth2Pkg) {
		f.exportOptionFacts()
	}
	return f, nil
}

// IsOAuth2Library reports whether pkg is golang.org/x/oauth2 or one of its packages: they
// implement the APIs the checks report where they are called (PasswordCredentialsToken
// builds grant_type=password, authhandler.TokenSource passes nil PKCEParams), so the
// checks skip them, with their external test packages (golang.org/x/oauth2_test).
func IsOAuth2Library(pkg *types.Package) bool {
	p := strings.TrimSuffix(pkg.Path(), "_test")
	return p == catalogue.OAuth2Pkg || strings.HasPrefix(p, catalogue.OAuth2Pkg+"/")
}

// exportFixedVars exports a FixedVarFact for each exported package-level string variable
// set once at start-up.
func (f *Flow) exportFixedVars() {
	scope := f.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || !catalogue.IsString(v.Type()) {
			continue
		}
		if f.changes.Fixed(v) {
			f.pass.ExportObjectFact(v, new(FixedVarFact))
		}
	}
}

// exportOptionFacts exports an OptionsFact for each exported function, method and
// package-level variable of an option type.
func (f *Flow) exportOptionFacts() {
	for _, file := range f.pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() {
				continue
			}
			fn, ok := f.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || optionResult(fn.Signature()) < 0 {
				continue
			}
			if k := f.funcOptions(fn); k != 0 {
				f.pass.ExportObjectFact(fn, &OptionsFact{Kinds: k})
			}
		}
	}
	scope := f.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || (!isOption(v.Type()) && !isOptionSlice(v.Type())) {
			continue
		}
		if k := f.varOptions(v, isOptionSlice(v.Type()), map[types.Object]bool{}); k != 0 {
			f.pass.ExportObjectFact(v, &OptionsFact{Kinds: k})
		}
	}
}

// isPackageLevel reports whether v is a package-level variable.
func isPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// objectOf returns the object an identifier or qualified identifier (pkg.Name) refers to,
// or nil for field and method selections and other expressions.
func (f *Flow) objectOf(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return f.pass.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		if _, ok := f.pass.TypesInfo.Selections[e]; ok {
			return nil
		}
		return f.pass.TypesInfo.Uses[e.Sel]
	}
	return nil
}

// FuncDecl returns the declaration, with a body, of a function or method of this
// package, or nil.
func (f *Flow) FuncDecl(fn *types.Func) *ast.FuncDecl {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.funcDecl(fn)
}

// funcDecl returns the declaration of a function or method of this package, or nil.
func (f *Flow) funcDecl(fn *types.Func) *ast.FuncDecl {
	if f.funcDecls == nil {
		f.funcDecls = map[*types.Func]*ast.FuncDecl{}
		for _, file := range f.pass.Files {
			for _, decl := range file.Decls {
				if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil {
					if obj, ok := f.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						f.funcDecls[obj] = fd
					}
				}
			}
		}
	}
	return f.funcDecls[fn.Origin()]
}

// ArgsFit reports whether a call passes at least as many arguments as fn's parameters
// (less the variadic one): code that does not type-check may pass fewer.
func ArgsFit(call *ast.CallExpr, fn *types.Func) bool {
	n := fn.Signature().Params().Len()
	if fn.Signature().Variadic() {
		n--
	}
	return len(call.Args) >= n
}
