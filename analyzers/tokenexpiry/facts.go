package tokenexpiry

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Facts carry the unverified rule across packages: a package's exported function that
// hands out a token's claims unverified (security.ParseUnverifiedJWT(raw)) is judged
// where it is called, as a parse; one that verifies its argument's token
// (security.ParseJWT(raw, key)) counts as a verification there.

// unverifiedFact marks a function that returns the claims of the token in its parameter
// Param without verifying its signature, while nothing in its own package decides access
// on them. Check and Fix are the words of the parse inside it.
type unverifiedFact struct {
	Param      int
	Check, Fix string
}

func (*unverifiedFact) AFact() {}
func (f *unverifiedFact) String() string {
	return fmt.Sprintf("returnsUnverifiedClaims(param %d)", f.Param)
}

// verifierFact marks a function that verifies the signature of the token in its
// parameter Param.
type verifierFact struct{ Param int }

func (*verifierFact) AFact()           {}
func (f *verifierFact) String() string { return fmt.Sprintf("verifiesToken(param %d)", f.Param) }

// factsFact marks a package that exports tokenexpiry facts, so that packages importing it
// are looked at even when they import no token library themselves.
type factsFact struct{ Exports bool } // a field, for gob (go vet encodes facts)

func (*factsFact) AFact()         {}
func (*factsFact) String() string { return "tokenexpiryFacts" }

var factTypes = []analysis.Fact{new(unverifiedFact), new(verifierFact), new(factsFact)}

// importsFacts reports whether a package the pass imports exports tokenexpiry facts.
func importsFacts(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(factsFact)) {
			return true
		}
	}
	return false
}

func (c *checker) exportFact(fn *types.Func, f analysis.Fact) {
	c.pass.ExportObjectFact(fn, f)
	if !c.exportedFacts {
		c.exportedFacts = true
		c.pass.ExportPackageFact(&factsFact{Exports: true})
	}
}

// exportVerifiers exports a verifierFact for each exported function of the package that
// verifies its parameter's token.
func (c *checker) exportVerifiers() {
	for fn := range c.funcs {
		if !fn.Exported() {
			continue
		}
		if i, ok := c.verifiesParam(fn, 0); ok {
			c.exportFact(fn, &verifierFact{Param: i})
		}
	}
}

// importedVerifier returns the parameter a function of another package verifies.
func (c *checker) importedVerifier(fn *types.Func) (int, bool) {
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return 0, false
	}
	var f verifierFact
	if !c.pass.ImportObjectFact(fn, &f) {
		return 0, false
	}
	return f.Param, true
}

// unverifiedCall judges a call of another package's function that returns unverified
// claims, as a parse of the token in its argument.
func (c *checker) unverifiedCall(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) {
	var f unverifiedFact
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || !c.pass.ImportObjectFact(fn, &f) || f.Param >= len(call.Args) {
		return
	}
	name := fn.Name()
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	c.judgeUnverified(cur, call, cur, call.Args[f.Param], false,
		name+" returns its token's claims unverified ("+f.Check+")", f.Check, f.Fix)
}

// apiParam returns the index of the parameter of the exported function around cur that
// the raw token is, if any: such a function hands unverified claims to other packages.
func (c *checker) apiParam(cur inspector.Cursor, raw ast.Expr) (*types.Func, int) {
	fn, ok := enclosingFunc(cur)
	if !ok {
		return nil, -1
	}
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return nil, -1
	}
	f, _ := c.info.Defs[decl.Name].(*types.Func)
	if f == nil || !f.Exported() {
		return nil, -1
	}
	keys := map[types.Object]bool{}
	c.tokenKeys(raw, keys, 0)
	for k := range keys {
		if v, ok := k.(*types.Var); ok {
			if p, ok := c.defs.params[v]; ok && p.fn == f && p.index >= 0 {
				return f, p.index
			}
		}
	}
	return nil, -1
}
