package tokenexpiry

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Facts carry verification across packages: a package's exported function that verifies
// its argument's token (security.ParseJWT(raw, key)) counts as a verification where
// another package calls it, so a peek followed by that call is silent there.
//
// An exported function that hands out a token's claims unverified
// (security.ParseUnverifiedJWT(raw)) carries no fact: on real code its callers in other
// packages read claims of tokens verified elsewhere (by a middleware, through an
// interface), which this check cannot see, so judging them there reported what was fine.

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

var factTypes = []analysis.Fact{new(verifierFact), new(factsFact)}

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

// apiFunc returns the exported function around cur whose parameter the raw token is, if
// any: such a function hands unverified claims to other packages.
func (c *checker) apiFunc(cur inspector.Cursor, raw ast.Expr) *types.Func {
	fn, ok := enclosingFunc(cur)
	if !ok {
		return nil
	}
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return nil
	}
	f, _ := c.info.Defs[decl.Name].(*types.Func)
	if f == nil || !f.Exported() {
		return nil
	}
	keys := map[types.Object]bool{}
	c.tokenKeys(raw, keys, 0)
	for k := range keys {
		if v, ok := k.(*types.Var); ok {
			if p, ok := c.defs.params[v]; ok && p.fn == f && p.index >= 0 {
				return f
			}
		}
	}
	return nil
}
