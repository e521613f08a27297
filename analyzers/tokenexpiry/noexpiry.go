package tokenexpiry

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/paths"
)

// no-expiry: tokens built or decoded without their expiry, so that they look valid forever.

func (c *checker) isDecode(call *ast.CallExpr) bool {
	return slices.Contains(catalogue.JSONDecodeFuncs, c.name(call))
}

// fromResponseBody reports whether a JSON decode reads an HTTP response's body:
// json.NewDecoder(resp.Body).Decode(&t), or json.Unmarshal(b, &t) with b from
// io.ReadAll(resp.Body). Such a body is a token endpoint's answer, with expires_in.
func (c *checker) fromResponseBody(call *ast.CallExpr) bool {
	var src ast.Expr
	if c.name(call) == "encoding/json.Unmarshal" {
		src = call.Args[0]
	} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		src = sel.X
	}
	return c.readsBody(src, 0)
}

func (c *checker) readsBody(e ast.Expr, depth int) bool {
	if e == nil || depth > 3 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[e]; ok && sel.Kind() == types.FieldVal && e.Sel.Name == "Body" {
			return catalogue.TypeName{Pkg: catalogue.NetHTTPPkg, Name: "Response"}.Is(c.typeOf(e.X))
		}
	case *ast.CallExpr:
		return slices.ContainsFunc(e.Args, func(a ast.Expr) bool { return c.readsBody(a, depth+1) })
	case *ast.Ident:
		if v := c.defs.identVar(e); v != nil {
			for _, val := range c.defs.values[v] {
				if !val.decoded && c.readsBody(val.expr, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// decode reports a token endpoint response decoded into a token whose expiry is never set.
func (c *checker) decode(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	target := call.Args[len(call.Args)-1]
	t := c.typeOf(target)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	var field, fix string
	switch {
	case catalogue.OAuth2Token.Is(t):
		field, fix = "Expiry", "t.Expiry = time.Now().Add(time.Duration(t.ExpiresIn) * time.Second)"
	case catalogue.MCPGoToken.Is(t):
		field, fix = "ExpiresAt", "t.ExpiresAt = time.Now().Add(time.Duration(t.ExpiresIn) * time.Second)"
	default:
		return
	}
	if !c.fromResponseBody(call) {
		return
	}
	// Silent when the expiry is set afterwards, or ExpiresIn is read to build another token.
	if key, ok := path(c.info, target); ok {
		if c.expiryWrites[key] || c.readsExpiresIn(cur, key) {
			return
		}
	}
	c.report(call, noExpiry, "token endpoint response decoded into "+types.TypeString(t, (*types.Package).Name)+": the wire's expires_in fills ExpiresIn and "+field+" stays zero, so the token is taken as never expiring; set "+fix)
}

// readsExpiresIn reports whether the function around cur reads ExpiresIn of the token at key.
func (c *checker) readsExpiresIn(cur inspector.Cursor, key string) bool {
	fn, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	return c.any([]ast.Node{fn.Node()}, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || !(isField(c.field(sel), catalogue.OAuth2TokenExpiresIn) || isField(c.field(sel), catalogue.MCPGoTokenExpiresIn)) {
			return false
		}
		k, ok := path(c.info, sel.X)
		return ok && k == key
	})
}

func (c *checker) oauth2TokenLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	keys := c.keys(lit)
	if _, ok := c.keyed(keys, catalogue.OAuth2TokenExpiry); ok {
		return
	}
	at, hasAT := c.keyed(keys, catalogue.OAuth2TokenAccessToken)
	rt, hasRT := c.keyed(keys, catalogue.OAuth2TokenRefreshToken)
	_, hasExpiresIn := c.keyed(keys, catalogue.OAuth2TokenExpiresIn)
	hasAT = hasAT && c.nonEmpty(at)
	hasRT = hasRT && c.nonEmpty(rt)
	if c.fake(keys) {
		return
	}
	dropped := hasAT && c.droppedExpiresIn(cur, at)
	if !hasExpiresIn && !(hasAT && hasRT) && !dropped || c.expirySetLater(cur) || c.staticArg(cur, lit) || c.usedAtOnceInClient(cur) {
		return
	}
	if dropped && !hasExpiresIn {
		c.report(lit, noExpiry, "oauth2.Token built from a response that carries expires_in, without Expiry: the token is taken as never expiring; set Expiry: time.Now().Add(time.Duration(expiresIn) * time.Second)")
		return
	}
	if hasExpiresIn {
		c.report(lit, noExpiry, "oauth2.Token with ExpiresIn but no Expiry: TokenSources read only Expiry, so the token is taken as never expiring; set Expiry: time.Now().Add(time.Duration(expiresIn) * time.Second)")
		return
	}
	c.report(lit, noExpiry, "oauth2.Token with a RefreshToken but no Expiry: its zero Expiry makes Valid() true forever, so Config.TokenSource never refreshes and keeps sending the stale AccessToken; restore the stored Expiry, or leave AccessToken empty so the first use refreshes")
}

// mcpTokenLit reports an mcp-go transport.Token literal for an expiring token without
// ExpiresAt.
func (c *checker) mcpTokenLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	// Only a token that shows it expires (ExpiresIn or a RefreshToken) needs
	// ExpiresAt; a personal access token stored as is never expires.
	keys := c.keys(lit)
	at, hasAT := c.keyed(keys, catalogue.MCPGoTokenAccessToken)
	_, hasExpiresIn := c.keyed(keys, catalogue.MCPGoTokenExpiresIn)
	rt, hasRT := c.keyed(keys, catalogue.MCPGoTokenRefreshToken)
	if c.fake(keys) {
		return
	}
	expires := hasExpiresIn || (hasRT && c.nonEmpty(rt)) || (hasAT && c.droppedExpiresIn(cur, at))
	if _, ok := c.keyed(keys, catalogue.MCPGoTokenExpiresAt); ok || !hasAT || !c.nonEmpty(at) || !expires || c.expirySetLater(cur) {
		return
	}
	c.report(lit, noExpiry, "mcp-go transport.Token without ExpiresAt: IsExpired() reports false forever, so the stored token is sent after it expires and never refreshed; set ExpiresAt: time.Now().Add(time.Duration(expiresIn) * time.Second)")
}

// tokenInfoLit reports a go-sdk auth.TokenInfo without Expiration, or with one made from
// time.Now().
func (c *checker) tokenInfoLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	keys := c.keys(lit)
	exp, ok := c.keyed(keys, catalogue.GoSDKTokenInfoExpiration)
	fn, inFunc := enclosingFunc(cur)
	opaque := inFunc && c.checksWithIssuer(fn.Node(), 0)
	switch {
	case ok && c.fromNow(exp):
		if !opaque { // an opaque token's answer lapses with the verifier's cache: no exp to copy
			c.report(exp, noExpiry, tokenInfoFromNow)
		}
	case !ok && !c.expirySetLater(cur):
		if !opaque {
			c.report(lit, noExpiry, "auth.TokenInfo without Expiration: RequireBearerToken rejects it, or with AllowMissingExpiration accepts the token forever; set Expiration from the token's exp claim")
		} else if !c.allowsMissingExpiration() {
			c.report(lit, noExpiry, "auth.TokenInfo without Expiration for a token checked with its issuer: RequireBearerToken rejects every such token unless AllowMissingExpiration is set; set Expiration from the introspection response's exp, or to when the verifier's cached answer lapses")
		}
	}
}

const tokenInfoFromNow = "auth.TokenInfo Expiration made from time.Now(): every token looks fresh, whatever its own exp; set Expiration from the token's exp claim (or the introspection response)"

// checksWithIssuer reports whether a token verifier sends a request (to introspect the
// token or fetch userinfo), itself or through the package's functions it calls, and
// parses no JWT: it checks an opaque token with its issuer, which carries no exp.
func (c *checker) checksWithIssuer(fn ast.Node, depth int) bool {
	if depth > 2 || !returnsTokenInfo(c.info, fn) && depth == 0 {
		return false
	}
	sends, parses := false, false
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		name := c.name(call)
		switch {
		case slices.Contains(catalogue.IssuerCallFuncs, name):
			sends = true
		case slices.Contains(catalogue.RawTokenParseFuncs, name), slices.Contains(catalogue.VerifyingParseFuncs, name):
			parses = true
		default:
			if callee := catalogue.Callee(c.info, call); callee != nil && callee.Pkg() == c.pass.Pkg {
				if decl, ok := c.funcs[callee.Origin()]; ok && c.checksWithIssuer(decl.Node(), depth+1) {
					sends = true
				}
			}
		}
		return true
	})
	return sends && !parses
}

// allowsMissingExpiration reports whether the package sets go-sdk's
// RequireBearerTokenOptions.AllowMissingExpiration to true.
func (c *checker) allowsMissingExpiration() bool {
	return c.any(fileNodes(c.pass.Files), func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		return ok && isField(c.field(kv.Key), catalogue.GoSDKAllowMissingExpiration) && c.isTrue(kv.Value)
	})
}

func fileNodes(files []*ast.File) []ast.Node {
	out := make([]ast.Node, len(files))
	for i, f := range files {
		out[i] = f
	}
	return out
}

// droppedExpiresIn reports whether a token's AccessToken is read from a response struct
// that has an expires_in field (by its JSON tag) which the function never reads.
func (c *checker) droppedExpiresIn(cur inspector.Cursor, at ast.Expr) bool {
	sel, ok := ast.Unparen(at).(*ast.SelectorExpr)
	if !ok || c.field(sel) == nil {
		return false
	}
	t := c.typeOf(sel.X)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if isTokenType(t) {
		return false // a copy of a token, judged as such
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	var expiresIn *types.Var
	for i := range st.NumFields() {
		name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
		if name == "expires_in" {
			expiresIn = st.Field(i)
		}
	}
	fn, ok := enclosingFunc(cur)
	if expiresIn == nil || !ok {
		return false
	}
	return !c.any([]ast.Node{fn.Node()}, func(n ast.Node) bool {
		s, ok := n.(*ast.SelectorExpr)
		return ok && c.field(s) == expiresIn
	})
}

// staticArg reports whether the literal at cur is the argument of StaticTokenSource and
// is reported there as static-refreshable.
func (c *checker) staticArg(cur inspector.Cursor, lit *ast.CompositeLit) bool {
	if _, ok := c.refreshable(lit, 0); !ok {
		return false
	}
	for p, ok := paths.Up(cur); ok; p, ok = paths.Up(p) {
		switch n := p.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr:
			continue
		case *ast.CallExpr:
			return c.name(n) == catalogue.StaticTokenSource
		}
		return false
	}
	return false
}

// expirySetLater reports whether the literal at cur is stored in a variable or field
// whose expiry field is assigned somewhere in the package.
func (c *checker) expirySetLater(cur inspector.Cursor) bool {
	for {
		parent, ok := paths.Up(cur)
		if !ok {
			return false
		}
		kind, i := cur.ParentEdge()
		switch n := parent.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr:
			cur = parent
			continue
		case *ast.AssignStmt:
			if kind == edge.AssignStmt_Rhs && len(n.Lhs) == len(n.Rhs) {
				k, ok := path(c.info, n.Lhs[i])
				return ok && c.expiryWrites[k]
			}
		case *ast.ValueSpec:
			if kind == edge.ValueSpec_Values && len(n.Names) == len(n.Values) {
				k, ok := path(c.info, n.Names[i])
				return ok && c.expiryWrites[k]
			}
		}
		return false
	}
}

// fromNow reports whether e is computed from time.Now(): time.Now(), time.Now().Add(d), …
func (c *checker) fromNow(e ast.Expr) bool {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		if c.name(call) == catalogue.TimeNow {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		e = sel.X
	}
}

// usedAtOnceInClient reports whether the token literal at cur is given straight to a
// client or source that is used at once and dropped (Config.Client(ctx, tok).Get(u)):
// a zero Expiry then costs nothing, as nothing keeps the token past this call.
func (c *checker) usedAtOnceInClient(cur inspector.Cursor) bool {
	for p, ok := paths.Up(cur); ok; p, ok = paths.Up(p) {
		switch n := p.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr:
			cur = p
			continue
		case *ast.CallExpr:
			if kind, _ := cur.ParentEdge(); kind != edge.CallExpr_Args {
				return false
			}
			switch c.name(n) {
			case catalogue.ConfigClient:
				return !c.clientKept(p)
			case catalogue.ConfigTokenSource, catalogue.StaticTokenSource:
				return !c.kept(p, 0)
			}
		}
		return false
	}
	return false
}
