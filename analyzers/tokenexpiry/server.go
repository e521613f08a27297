package tokenexpiry

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/paths"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// The server side: verification of incoming tokens with its checks switched off.

// oidcSkip describes one go-oidc Config flag: the IDToken field that a caller who checks
// the same thing itself reads, and the message.
type oidcSkip struct {
	flag, ownCheck, category, msg string
}

var oidcSkips = []oidcSkip{
	{catalogue.OIDCSkipExpiryCheck, catalogue.OIDCIDTokenExpiry, skipCheck,
		"oidc.Config SkipExpiryCheck: the verifier accepts expired ID tokens, so a leaked token works forever; drop the flag (use Config.Now for clock skew)"},
	{catalogue.OIDCSkipIssuerCheck, catalogue.OIDCIDTokenIssuer, skipCheck,
		"oidc.Config SkipIssuerCheck: the verifier accepts tokens from any issuer that shares the keys; drop the flag, or compare idToken.Issuer with the expected issuer yourself"},
	{catalogue.OIDCSkipClientIDCheck, catalogue.OIDCIDTokenAudience, skipCheck,
		"oidc.Config SkipClientIDCheck: the verifier accepts tokens issued to any client; set ClientID and drop the flag, or check idToken.Audience yourself"},
	{catalogue.OIDCInsecureSkipSignatureCheck, "", unverified,
		"oidc.Config InsecureSkipSignatureCheck: anyone can forge the token's claims; drop the flag (go-oidc allows it only for an ID token received directly from the token endpoint)"},
}

func (c *checker) serverLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if v := c.field(kv.Key); v != nil {
				c.serverField(cur, v, kv.Value, kv)
			}
		}
	}
}

// serverField judges one field set to a value, in a literal (at is the key: value) or
// an assignment (at is the field assigned).
func (c *checker) serverField(cur inspector.Cursor, v *types.Var, val ast.Expr, at ast.Node) {
	if !c.isTrue(val) {
		return
	}
	for _, s := range oidcSkips {
		if isField(v, s.flag) {
			if s.ownCheck == "" || !c.reads(c.scope(cur), s.ownCheck) && !c.verifiesAndReads(s.ownCheck) {
				c.report(at, s.category, s.msg)
			}
			return
		}
	}
	switch {
	case isField(v, catalogue.JWTv4SkipClaimsValidation):
		c.report(at, skipCheck, "jwt.Parser SkipClaimsValidation: exp, nbf and iat are not checked, so expired tokens are accepted; drop the field")
	case isField(v, catalogue.GoSDKAllowMissingExpiration):
		c.report(at, skipCheck, "RequireBearerTokenOptions AllowMissingExpiration: tokens with no expiry are accepted forever; drop it and have the TokenVerifier set TokenInfo.Expiration from the token's exp claim")
	}
}

// scope is the function declaration that holds cur, or every file for package-level code.
func (c *checker) scope(cur inspector.Cursor) []ast.Node {
	for fd := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return []ast.Node{fd.Node()}
	}
	nodes := make([]ast.Node, len(c.pass.Files))
	for i, f := range c.pass.Files {
		nodes[i] = f
	}
	return nodes
}

// verifiesAndReads reports whether every function of the package that calls
// IDTokenVerifier.Verify (at least one) reads the named field of the token itself: a
// wrapper verifier that checks the claim the flag switched off (an audience list of its
// own), with the verifier built elsewhere.
func (c *checker) verifiesAndReads(field string) bool {
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	verifiers := 0
	for _, fd := range decls {
		scope := []ast.Node{fd.Body}
		verifies := c.any(scope, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			return ok && c.name(call) == catalogue.OIDCVerify
		})
		if !verifies {
			continue
		}
		// The claim is read here, or by a helper of the package this function calls
		// (v.verifyAudience(token, claims)).
		checks := c.reads(scope, field) || c.any(scope, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return false
			}
			callee := catalogue.Callee(c.info, call)
			helper := decls[callee]
			return helper != nil && helper != fd && c.reads([]ast.Node{helper.Body}, field)
		})
		if !checks {
			return false
		}
		verifiers++
	}
	return verifiers > 0
}

// reads reports whether the scope reads the named field.
func (c *checker) reads(scope []ast.Node, field string) bool {
	return c.any(scope, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		return ok && isField(c.field(sel), field)
	})
}

func (c *checker) any(scope []ast.Node, pred func(ast.Node) bool) bool {
	found := false
	for _, s := range scope {
		ast.Inspect(s, func(n ast.Node) bool {
			if found || n == nil {
				return false
			}
			found = pred(n)
			return !found
		})
	}
	return found
}

// callsAny reports whether the scope calls one of the functions, outside the call except.
func (c *checker) callsAny(scope []ast.Node, names []string, except ast.Node) bool {
	return c.any(scope, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || (except.Pos() >= call.Pos() && except.End() <= call.End()) {
			return false
		}
		return slices.Contains(names, c.name(call))
	})
}

func (c *checker) serverCall(cur inspector.Cursor, call *ast.CallExpr, name string) {
	switch name {
	case catalogue.JWTv5WithoutClaimsValidation:
		if !c.callsAny(c.scope(cur), []string{catalogue.JWTv5ValidatorValidate}, call) {
			c.report(call, skipCheck, "jwt.WithoutClaimsValidation(): exp, nbf and iat are not checked, so expired tokens are accepted; drop the option (and add jwt.WithExpirationRequired())")
		}
	case catalogue.JWTv4WithoutClaimsValidation:
		c.report(call, skipCheck, "jwt.WithoutClaimsValidation(): exp, nbf and iat are not checked, so expired tokens are accepted; drop the option")
	case catalogue.JWTv5ParseUnverified, catalogue.JWTv4ParseUnverified:
		c.unverifiedParse(cur, call, "jwt.Parser.ParseUnverified checks no signature: anyone can forge these claims; use jwt.ParseWithClaims(raw, &claims, keyFunc, jwt.WithValidMethods(...), jwt.WithExpirationRequired())")
	case catalogue.GoJoseUnsafeClaims:
		c.unverifiedParse(cur, call, "UnsafeClaimsWithoutVerification checks no signature: anyone can forge these claims; use tok.Claims(key, &claims) and then claims.Validate(jwt.Expected{...})")
	case catalogue.JWXParseInsecure:
		c.unverifiedParse(cur, call, "jwt.ParseInsecure checks neither signature nor expiry: anyone can forge the token; use jwt.Parse(b, jwt.WithKey(alg, key)) (or WithKeySet)")
	case catalogue.JWXWithVerify:
		if len(call.Args) == 1 && c.isFalse(call.Args[0]) {
			c.unverifiedParse(cur, call, "jwt.WithVerify(false) checks no signature: anyone can forge the token; drop it and pass jwt.WithKey(alg, key) or jwt.WithKeySet(set)")
		}
	case catalogue.JWXWithValidate:
		if len(call.Args) == 1 && c.isFalse(call.Args[0]) && !c.callsAny(c.scope(cur), []string{catalogue.JWXValidate}, call) {
			c.report(call, skipCheck, "jwt.WithValidate(false): exp, nbf and iat are not checked, so expired tokens are accepted; drop it, or call jwt.Validate(tok, ...) after parsing")
		}
	case catalogue.JWTv5Parse, catalogue.JWTv5ParseWithClaims:
		c.expOptional(cur, call, name)
	}
}

func (c *checker) isFalse(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

// unverifiedParse reports an unverified parse unless the same function also verifies a
// token: then the unverified claims only choose a key or an issuer. A parse of a token
// the program itself received from a token endpoint (tok.AccessToken, tok.Extra) decides
// no access and is silent.
func (c *checker) unverifiedParse(cur inspector.Cursor, call *ast.CallExpr, msg string) {
	if c.callsAny(c.scope(cur), catalogue.VerifyingParseFuncs, call) {
		return
	}
	if len(call.Args) > 0 && c.ownToken(call.Args[0], 0) {
		return
	}
	if !c.decidesAccess(cur, call) {
		return
	}
	c.report(call, unverified, msg)
}

// decidesAccess reports whether the result of an unverified parse can decide access: the
// parse is in a request handler or a token verifier (a function with an *http.Request
// parameter or returning *auth.TokenInfo), or its token or claims are returned or
// tested in a condition. A tool that only prints a token decides nothing.
func (c *checker) decidesAccess(cur inspector.Cursor, call *ast.CallExpr) bool {
	parse := cur
	if c.name(call) == catalogue.JWXWithVerify {
		if p, ok := paths.Up(cur); ok {
			if _, ok := p.Node().(*ast.CallExpr); ok {
				parse = p
			}
		}
	}
	var objs []types.Object
	var fnNode ast.Node
	for p, ok := parse, true; ok; p, ok = paths.Up(p) {
		switch n := p.Node().(type) {
		case *ast.ReturnStmt:
			if fnNode == nil {
				return true
			}
		case *ast.AssignStmt:
			if fnNode == nil && objs == nil {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if obj := c.objOf(id); obj != nil {
							objs = append(objs, obj)
						}
					}
				}
			}
		case *ast.FuncLit, *ast.FuncDecl:
			if fnNode == nil {
				fnNode = n
			}
			if c.serverFunc(n) {
				return true
			}
		}
	}
	pc := parse.Node().(*ast.CallExpr)
	args := pc.Args
	if name := c.name(pc); name == catalogue.JWTv5ParseUnverified || name == catalogue.JWTv4ParseUnverified {
		args = args[min(1, len(args)):]
	} else if name != catalogue.GoJoseUnsafeClaims {
		args = nil
	}
	for _, a := range args {
		if v := c.defs.localVar(a); v != nil {
			objs = append(objs, v)
		}
	}
	if fnNode == nil || len(objs) == 0 {
		return false
	}
	uses := func(e ast.Node) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && slices.Contains(objs, c.objOf(id)) {
				found = true
			}
			return !found
		})
		return found
	}
	// Values computed from the claims carry them (sub, _ := claims.GetSubject()).
	for range 2 {
		ast.Inspect(fnNode, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && slices.ContainsFunc(as.Rhs, func(e ast.Expr) bool { return uses(e) }) {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if obj := c.objOf(id); obj != nil && !slices.Contains(objs, obj) {
							objs = append(objs, obj)
						}
					}
				}
			}
			return true
		})
	}
	return c.any([]ast.Node{fnNode}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			return slices.ContainsFunc(n.Results, func(e ast.Expr) bool { return uses(e) })
		case *ast.IfStmt:
			return uses(n.Cond)
		case *ast.SwitchStmt:
			return n.Tag != nil && uses(n.Tag)
		case *ast.CaseClause:
			return slices.ContainsFunc(n.List, func(e ast.Expr) bool { return uses(e) })
		}
		return false
	})
}

// objOf returns the non-error variable an identifier defines or uses.
func (c *checker) objOf(id *ast.Ident) types.Object {
	obj := c.info.Defs[id]
	if obj == nil {
		obj = c.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return v
}

// serverFunc reports whether a function serves requests: it has an *http.Request
// parameter or returns *auth.TokenInfo.
func (c *checker) serverFunc(fn ast.Node) bool {
	if returnsTokenInfo(c.info, fn) {
		return true
	}
	var ft *ast.FuncType
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ft = fn.Type
	case *ast.FuncLit:
		ft = fn.Type
	}
	for _, f := range ft.Params.List {
		if (catalogue.TypeName{Pkg: catalogue.NetHTTPPkg, Name: "Request"}).Is(c.info.TypeOf(f.Type)) {
			return true
		}
	}
	return false
}

// ownToken reports whether a raw token string comes from an oauth2.Token the program
// holds (its AccessToken, or Extra("id_token")).
func (c *checker) ownToken(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if isField(c.field(n), catalogue.OAuth2TokenAccessToken) {
				found = true
			}
		case *ast.CallExpr:
			if c.name(n) == "(*golang.org/x/oauth2.Token).Extra" {
				found = true
			}
		case *ast.Ident:
			if v := c.defs.identVar(n); v != nil {
				for _, val := range c.defs.values[v] {
					if !val.decoded && c.ownToken(val.expr, depth+1) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

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
	var ft *ast.FuncType
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ft = fn.Type
	case *ast.FuncLit:
		ft = fn.Type
	}
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
