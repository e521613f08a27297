package tokenexpiry

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// exp-optional: go-sdk token verifiers that accept a JWT without exp.

// expOptional reports a golang-jwt v5 parse inside a go-sdk TokenVerifier that lets a
// token without exp through: no WithExpirationRequired(), claims in which exp may be
// absent, and no expiry read of the function's own.
func (c *checker) expOptional(cur inspector.Cursor, call *ast.CallExpr, name string) {
	if call.Ellipsis.IsValid() {
		return
	}
	fn, ok := enclosingFunc(cur)
	if !ok || !returnsTokenInfo(c.info, fn.Node()) {
		return
	}
	optStart := 2
	claims := types.Type(nil)
	if name == catalogue.JWTv5ParseWithClaims {
		optStart = 3
		if len(call.Args) < 2 {
			return
		}
		claims = c.typeOf(call.Args[1])
	}
	for _, opt := range call.Args[min(optStart, len(call.Args)):] {
		oc, ok := ast.Unparen(opt).(*ast.CallExpr)
		if !ok {
			return // an option we cannot see
		}
		if c.name(oc) == catalogue.JWTv5WithExpirationRequired {
			return
		}
	}
	if claims != nil && !c.expMayBeAbsent(claims) {
		return
	}
	scope := []ast.Node{fn.Node()}
	if c.reads(scope, catalogue.JWTv5RegisteredClaimsExp) || c.callsAny(scope, []string{catalogue.JWTv5GetExpirationTime}, call) || c.indexesExp(scope) {
		return
	}
	c.report(call, expOptional, "golang-jwt v5 accepts a token without exp unless asked: this TokenVerifier lets such a token live forever; add jwt.WithExpirationRequired() (and jwt.WithAudience, jwt.WithIssuer)")
}

func returnsTokenInfo(info *types.Info, fn ast.Node) bool {
	ft := funcType(fn)
	if ft == nil || ft.Results == nil || len(ft.Results.List) == 0 {
		return false
	}
	return catalogue.GoSDKTokenInfo.Is(info.TypeOf(ft.Results.List[0].Type))
}

// expMayBeAbsent reports whether a v5 claims type lets exp be absent: MapClaims, or a
// type holding RegisteredClaims with no Validate method of its own.
func (c *checker) expMayBeAbsent(t types.Type) bool {
	if catalogue.JWTv5MapClaims.Is(t) || catalogue.JWTv5RegisteredClaims.Is(t) {
		return true
	}
	ms := types.NewMethodSet(t)
	if sel := ms.Lookup(nil, "Validate"); sel != nil {
		if fn, ok := sel.Obj().(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() != catalogue.JWTv5Pkg {
			return false
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ExpiresAt")
	v, ok := obj.(*types.Var)
	return ok && isField(v, catalogue.JWTv5RegisteredClaimsExp)
}

// indexesExp reports whether the scope reads claims["exp"] from a MapClaims.
func (c *checker) indexesExp(scope []ast.Node) bool {
	return c.any(scope, func(n ast.Node) bool {
		ix, ok := n.(*ast.IndexExpr)
		if !ok || !catalogue.JWTv5MapClaims.Is(c.typeOf(ix.X)) {
			return false
		}
		tv := c.info.Types[ix.Index]
		return tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "exp"
	})
}
