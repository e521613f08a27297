package tokenexpiry

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/paths"
)

// skip-check: verifiers of incoming tokens with the expiry, issuer, audience or claims
// checks switched off.

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
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if v := c.field(kv.Key); v != nil {
				c.serverField(cur, v, kv.Value, kv, check.RemoveFix(lit.Elts, i, lit.Rbrace, "Remove "+v.Name()))
			}
		}
	}
}

// serverField judges one field set to a value, in a literal (at is the key: value) or
// an assignment (at is the field assigned). remove is the fix that deletes the field from
// its literal (nil for an assignment); it is offered where dropping the flag is certainly
// right: SkipExpiryCheck, SkipClaimsValidation and AllowMissingExpiration (dropping the
// issuer, client ID or signature flags may need a ClientID or keys the code lacks).
func (c *checker) serverField(cur inspector.Cursor, v *types.Var, val ast.Expr, at ast.Node, remove []analysis.SuggestedFix) {
	if !c.isTrue(val) {
		return
	}
	for _, s := range oidcSkips {
		if isField(v, s.flag) {
			if s.ownCheck != "" && (c.reads(c.scope(cur), s.ownCheck) || c.verifiesAndReads(s.ownCheck)) {
				return
			}
			if c.verifiesOwnTokens(cur, at) {
				return
			}
			if s.flag == catalogue.OIDCSkipExpiryCheck {
				c.report(at, s.category, s.msg, remove...)
			} else {
				c.report(at, s.category, s.msg)
			}
			return
		}
	}
	switch {
	case isField(v, catalogue.JWTv4SkipClaimsValidation):
		if !c.decidesAccessWith(cur) {
			return
		}
		c.report(at, skipCheck, "jwt.Parser SkipClaimsValidation: exp, nbf and iat are not checked, so expired tokens are accepted; drop the field", remove...)
	case isField(v, catalogue.GoSDKAllowMissingExpiration):
		if c.opaqueVerifier(cur) {
			return // the verifier asks the issuer about each token: there is no exp to require
		}
		c.report(at, skipCheck, "RequireBearerTokenOptions AllowMissingExpiration: tokens with no expiry are accepted forever; drop it and have the TokenVerifier set TokenInfo.Expiration from the token's exp claim", remove...)
	}
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

// verifiesOwnTokens reports whether the go-oidc config set at cur (a literal, or a field
// assignment at at) builds verifiers that only ever check the program's own ID tokens,
// from its own token endpoint response: a client checking what it just received decides
// no caller's access. The config is followed into Provider.Verifier or oidc.NewVerifier,
// the verifier into local variables, fields and the package's functions that return it,
// to its Verify calls; a verifier that goes anywhere else is taken to check callers' tokens.
func (c *checker) verifiesOwnTokens(cur inspector.Cursor, at ast.Node) bool {
	var cfgs []inspector.Cursor
	if _, isKey := at.(*ast.KeyValueExpr); isKey {
		cfgs = append(cfgs, cur)
	} else if as, ok := at.(ast.Expr); ok {
		// cfg.SkipClientIDCheck = true: the variable cfg, wherever it goes.
		sel, ok := ast.Unparen(as).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		v := c.defs.identVar(sel.X)
		if v == nil {
			return false
		}
		uses, ok := c.useCursors(v)
		if !ok {
			return false
		}
		for _, u := range uses {
			if kind, _ := u.ParentEdge(); kind != edge.SelectorExpr_X { // not cfg.X = …
				cfgs = append(cfgs, u)
			}
		}
	}
	var verifies []*ast.CallExpr
	for _, cfg := range cfgs {
		made, ok := c.verifierMade(cfg)
		if !ok {
			return false
		}
		calls, ok := c.verifyCalls(made, 0)
		if !ok {
			return false
		}
		verifies = append(verifies, calls...)
	}
	if len(verifies) == 0 {
		return false
	}
	for _, call := range verifies {
		if len(call.Args) < 2 || c.tokenOrigin(call.Args[1]) != originOwn {
			return false
		}
	}
	return true
}

// verifierMade returns the call that makes a verifier from the config at cur: the config
// (or a variable holding it) is an argument of Provider.Verifier or oidc.NewVerifier.
func (c *checker) verifierMade(cur inspector.Cursor) (inspector.Cursor, bool) {
	for {
		parent, ok := paths.Up(cur)
		if !ok {
			return cur, false
		}
		switch p := parent.Node().(type) {
		case *ast.ParenExpr, *ast.UnaryExpr:
			cur = parent
			continue
		case *ast.CallExpr:
			if kind, _ := cur.ParentEdge(); kind == edge.CallExpr_Args && slices.Contains(catalogue.OIDCNewVerifierFuncs, c.name(p)) {
				return parent, true
			}
		case *ast.AssignStmt, *ast.ValueSpec:
			// cfg := &oidc.Config{…}: every use of cfg makes a verifier.
			kind, i := cur.ParentEdge()
			var lhs ast.Expr
			if as, ok := p.(*ast.AssignStmt); ok && kind == edge.AssignStmt_Rhs && len(as.Lhs) == len(as.Rhs) {
				lhs = as.Lhs[i]
			} else if vs, ok := p.(*ast.ValueSpec); ok && kind == edge.ValueSpec_Values && len(vs.Names) == len(vs.Values) {
				lhs = vs.Names[i]
			}
			v := c.defs.identVar(lhs)
			if v == nil || len(c.usesOf(v)) != 1 {
				return cur, false
			}
			id := c.usesOf(v)[0]
			u, ok := c.ins.Root().FindByPos(id.Pos(), id.End())
			if !ok || u.Node() != id {
				return cur, false
			}
			cur = u
			continue
		}
		return cur, false
	}
}

// verifyCalls returns the Verify calls on the verifier made at cur, following it into a
// local variable, a field (every Verify on that field in the package) or, once, the
// callers of a function that returns it. It fails when the verifier goes elsewhere.
func (c *checker) verifyCalls(cur inspector.Cursor, depth int) ([]*ast.CallExpr, bool) {
	if depth > 2 {
		return nil, false
	}
	parent, ok := paths.Up(cur)
	if !ok {
		return nil, false
	}
	kind, i := cur.ParentEdge()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr:
		return c.verifyCalls(parent, depth)
	case *ast.SelectorExpr: // p.Verifier(cfg).Verify(ctx, raw)
		if gp, ok := paths.Up(parent); ok {
			if call, ok := gp.Node().(*ast.CallExpr); ok && c.name(call) == catalogue.OIDCVerify {
				return []*ast.CallExpr{call}, true
			}
		}
	case *ast.KeyValueExpr: // &server{verifier: p.Verifier(cfg)}
		if v := c.field(p.Key); v != nil {
			return c.fieldVerifies(v), true
		}
	case *ast.AssignStmt:
		if kind != edge.AssignStmt_Rhs || len(p.Lhs) != len(p.Rhs) && len(p.Rhs) != 1 {
			return nil, false
		}
		if len(p.Lhs) != len(p.Rhs) {
			i = 0 // v, err := newVerifier(…)
		}
		if v := c.field(p.Lhs[i]); v != nil {
			return c.fieldVerifies(v), true
		}
		if v := c.defs.identVar(p.Lhs[i]); v != nil {
			return c.varVerifies(v, depth)
		}
	case *ast.ValueSpec:
		if kind == edge.ValueSpec_Values && len(p.Names) == len(p.Values) {
			if v, ok := c.info.Defs[p.Names[i]].(*types.Var); ok && !isPackageLevel(v) {
				return c.varVerifies(v, depth)
			}
		}
	case *ast.ReturnStmt:
		fn, ok := enclosingFunc(parent)
		if !ok {
			return nil, false
		}
		decl, ok := fn.Node().(*ast.FuncDecl)
		if !ok {
			return nil, false
		}
		f, _ := c.info.Defs[decl.Name].(*types.Func)
		if f == nil || i != 0 {
			return nil, false
		}
		var callers []inspector.Cursor
		for _, call := range c.callsOf(f) {
			u, ok := c.ins.Root().FindNode(call)
			if !ok {
				return nil, false
			}
			callers = append(callers, u)
		}
		if len(callers) == 0 {
			return nil, false
		}
		return collect(callers, func(u inspector.Cursor) ([]*ast.CallExpr, bool) { return c.verifyCalls(u, depth+1) })
	}
	return nil, false
}

// varVerifies returns the Verify calls on a local variable holding a verifier, or fails
// when the variable is used otherwise.
func (c *checker) varVerifies(v *types.Var, depth int) ([]*ast.CallExpr, bool) {
	uses, ok := c.useCursors(v)
	if !ok {
		return nil, false
	}
	return collect(uses, func(u inspector.Cursor) ([]*ast.CallExpr, bool) { return c.verifyCalls(u, depth+1) })
}

// fieldVerifies returns the package's Verify calls on the field v.
func (c *checker) fieldVerifies(v *types.Var) []*ast.CallExpr {
	var out []*ast.CallExpr
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if c.name(call) != catalogue.OIDCVerify {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.field(sel.X) == v {
			out = append(out, call)
		}
	}
	return out
}

// decidesAccessWith reports whether a parse made with the option or parser at cur may
// decide a caller's access: some parse that uses it reads a token that is not the
// program's own and uses the result for an access decision (see decidesAccess). Where
// the parses cannot be followed, it is taken to.
func (c *checker) decidesAccessWith(cur inspector.Cursor) bool {
	parses, ok := c.parsesWith(cur, 0)
	if !ok || len(parses) == 0 {
		return true
	}
	for _, p := range parses {
		if name := c.name(p.Node().(*ast.CallExpr)); name == catalogue.JWTv5ParseUnverified || name == catalogue.JWTv4ParseUnverified {
			continue // the unverified rule judges it: no claims are checked there anyway
		}
		raw := c.rawToken(p.Node().(*ast.CallExpr))
		if raw != nil && c.tokenOrigin(raw) == originOwn {
			continue
		}
		if _, ok := c.decidesAccess(p); ok {
			return true
		}
	}
	return false
}

// parsesWith returns the parse calls that use the option or parser made at cur: the
// parse it is an argument of, or the parses of the parser it configures
// (jwt.NewParser(opt), &jwt.Parser{…}) held in a local variable.
func (c *checker) parsesWith(cur inspector.Cursor, depth int) ([]inspector.Cursor, bool) {
	if depth > 3 {
		return nil, false
	}
	parent, ok := paths.Up(cur)
	if !ok {
		return nil, false
	}
	kind, i := cur.ParentEdge()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr, *ast.UnaryExpr:
		return c.parsesWith(parent, depth)
	case *ast.CallExpr:
		if kind != edge.CallExpr_Args {
			return nil, false
		}
		name := c.name(p)
		if slices.Contains(catalogue.RawTokenParseFuncs, name) {
			return []inspector.Cursor{parent}, true
		}
		if slices.Contains(catalogue.JWTNewParserFuncs, name) {
			return c.parsesWith(parent, depth+1)
		}
	case *ast.SelectorExpr: // jwt.NewParser(opt).Parse(raw, kf)
		if gp, ok := paths.Up(parent); ok {
			if call, ok := gp.Node().(*ast.CallExpr); ok && slices.Contains(catalogue.RawTokenParseFuncs, c.name(call)) {
				return []inspector.Cursor{gp}, true
			}
		}
	case *ast.AssignStmt, *ast.ValueSpec:
		var lhs ast.Expr
		if as, ok := p.(*ast.AssignStmt); ok && kind == edge.AssignStmt_Rhs && len(as.Lhs) == len(as.Rhs) {
			lhs = as.Lhs[i]
		} else if vs, ok := p.(*ast.ValueSpec); ok && kind == edge.ValueSpec_Values && len(vs.Names) == len(vs.Values) {
			lhs = vs.Names[i]
		}
		v := c.defs.identVar(lhs)
		if v == nil {
			return nil, false
		}
		uses, ok := c.useCursors(v)
		if !ok {
			return nil, false
		}
		return collect(uses, func(u inspector.Cursor) ([]inspector.Cursor, bool) { return c.parsesWith(u, depth+1) })
	}
	return nil, false
}

// opaqueVerifier reports whether the RequireBearerTokenOptions literal at cur goes to a
// RequireBearerToken whose verifier checks opaque tokens with their issuer (see
// checksWithIssuer).
func (c *checker) opaqueVerifier(cur inspector.Cursor) bool {
	for p, ok := paths.Up(cur); ok; p, ok = paths.Up(p) {
		switch n := p.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr:
			continue
		case *ast.CallExpr:
			if c.name(n) != catalogue.RequireBearerToken || len(n.Args) != 2 {
				return false
			}
			switch v := ast.Unparen(n.Args[0]).(type) {
			case *ast.FuncLit:
				return c.checksWithIssuer(v, 0)
			case *ast.Ident, *ast.SelectorExpr:
				id, _ := v.(*ast.Ident)
				if s, ok := v.(*ast.SelectorExpr); ok {
					id = s.Sel
				}
				if fn, ok := c.info.Uses[id].(*types.Func); ok {
					if decl, ok := c.funcs[fn.Origin()]; ok {
						return c.checksWithIssuer(decl.Node(), 0)
					}
				}
			}
		}
		return false
	}
	return false
}
