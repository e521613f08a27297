package tokenexpiry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/paths"
)

// static-refreshable: an expiring token in a source that never refreshes it (StaticTokenSource,
// an mcp-go client's static headers).

func (c *checker) markNewTokenSource(e ast.Expr) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		c.newTokenSourceFuncs[e] = true
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if s, ok := e.(*ast.SelectorExpr); ok {
			id = s.Sel
		} else {
			id = e.(*ast.Ident)
		}
		if fn, ok := c.info.Uses[id].(*types.Func); ok {
			c.newTokenSourceFuncs[fn.Origin()] = true
		}
	}
}

func (c *checker) summariseResults(fn *types.Func, decl *ast.FuncDecl) {
	if _, done := c.tokenResults[fn]; done {
		return
	}
	res := fn.Signature().Results()
	idx := -1
	for i := range res.Len() {
		if catalogue.OAuth2Token.Is(res.At(i).Type()) {
			idx = i
		}
	}
	if idx < 0 {
		return
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == res.Len() {
				if desc, ok := c.refreshable(n.Results[idx], 0); ok {
					c.tokenResults[fn] = result{idx, desc}
				}
			}
		}
		return true
	})
}

// staticHeaders reports an expiring token's AccessToken written into the headers an
// mcp-go client sends with every request: the header never changes, so the token is
// never refreshed.
func (c *checker) staticHeaders(e ast.Expr, depth int) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v := c.defs.identVar(e); v != nil && depth < 2 {
			for _, val := range c.defs.values[v] {
				if val.index < 0 {
					c.staticHeaders(val.expr, depth+1)
				}
			}
		}
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			tv := c.info.Types[kv.Key]
			if tv.Value == nil || tv.Value.Kind() != constant.String || !strings.EqualFold(constant.StringVal(tv.Value), "Authorization") {
				continue
			}
			if tok, ok := c.accessTokenIn(kv.Value, 0); ok {
				if desc, ok := c.refreshable(tok, 0); ok && !c.reauthorizesOn401() {
					c.report(kv, staticRefreshable, "the AccessToken of "+desc+" fixed in the mcp-go client's static headers: it is sent after it expires and never refreshed; configure transport.WithHTTPOAuth (or WithOAuth), or a WithHTTPHeaderFunc that calls ts.Token() for each request")
				}
			}
		}
	}
}

// refreshable reports whether e is a token that expires or carries a refresh token, and
// describes where it comes from.
func (c *checker) refreshable(e ast.Expr, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.refreshable(e.X, depth+1)
		}
	case *ast.StarExpr:
		return c.refreshable(e.X, depth+1)
	case *ast.CompositeLit:
		if !catalogue.OAuth2Token.Is(c.typeOf(e)) {
			return "", false
		}
		keys := c.keys(e)
		if c.fake(keys) {
			return "", false
		}
		if rt, ok := c.keyed(keys, catalogue.OAuth2TokenRefreshToken); ok && c.nonEmpty(rt) {
			return "a token with a RefreshToken", true
		}
		if _, ok := c.keyed(keys, catalogue.OAuth2TokenExpiry); ok {
			return "a token with an Expiry", true
		}
		// &oauth2.Token{AccessToken: tok.AccessToken}: a copy of an expiring token.
		if at, ok := c.keyed(keys, catalogue.OAuth2TokenAccessToken); ok {
			if sel, ok := ast.Unparen(at).(*ast.SelectorExpr); ok && isField(c.field(sel), catalogue.OAuth2TokenAccessToken) {
				if desc, ok := c.refreshable(sel.X, depth+1); ok {
					return "the AccessToken of " + desc, true
				}
			}
		}
	case *ast.CallExpr:
		return c.refreshableCall(e, 0)
	case *ast.Ident:
		v := c.defs.identVar(e)
		if v == nil {
			return "", false
		}
		if p, ok := c.defs.params[v]; ok && p.index == 2 && (c.newTokenSourceFuncs[p.lit] || (p.fn != nil && c.newTokenSourceFuncs[p.fn])) {
			return "the token go-sdk's authorization handler gives NewTokenSource", true
		}
		for _, val := range c.defs.values[v] {
			if val.decoded {
				if !c.fromResponseBody(val.expr.(*ast.CallExpr)) {
					return "a token decoded from JSON (a cached token expires, and its refresh token goes unused)", true
				}
				continue
			}
			if val.index >= 0 {
				if call, ok := ast.Unparen(val.expr).(*ast.CallExpr); ok {
					if desc, ok := c.refreshableCall(call, val.index); ok {
						return desc, true
					}
				}
				continue
			}
			if desc, ok := c.refreshable(val.expr, depth+1); ok {
				return desc, true
			}
		}
	}
	return "", false
}

func (c *checker) refreshableCall(call *ast.CallExpr, index int) (string, bool) {
	name := c.name(call)
	if index == 0 && slices.Contains(catalogue.RefreshableTokenFuncs, name) {
		return "a token from " + shortName(name), true
	}
	if callee := catalogue.Callee(c.info, call); callee != nil {
		if r, ok := c.tokenResults[callee.Origin()]; ok && r.index == index {
			return r.desc + " (returned by " + callee.Name() + ")", true
		}
	}
	return "", false
}

// shortName turns "(*golang.org/x/oauth2.Config).Exchange" into "oauth2.Config.Exchange".
func shortName(full string) string {
	s := strings.NewReplacer("(", "", ")", "", "*", "").Replace(full)
	if i := strings.LastIndex(s, "/"); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// kept reports whether the token source made at cur outlives one call: it is given to
// ReuseTokenSource or option.WithTokenSource, or to an oauth2.NewClient whose client is
// kept (see clientKept), stored in a field, a package variable or a composite literal, or
// returned. A source handed straight to another function (go-oidc's Provider.UserInfo,
// the documented idiom) is used at once.
func (c *checker) kept(cur inspector.Cursor, depth int) bool {
	if depth > 3 {
		return false
	}
	parent, ok := paths.Up(cur)
	if !ok {
		return false
	}
	kind, idx := cur.ParentEdge()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr:
		return c.kept(parent, depth)
	case *ast.CallExpr:
		if kind != edge.CallExpr_Args {
			return false
		}
		switch c.name(p) {
		case catalogue.NewClient:
			// A source, or the token in it, held in a variable and made into clients
			// again and again (in a loop, a goroutine, a closure) is kept too.
			e := ast.Unparen(cur.Node().(ast.Expr))
			if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
				e = ast.Unparen(call.Args[0])
			}
			if v := c.defs.identVar(e); v != nil {
				if use, ok := cur.FindNode(e); ok && repeated(use, v) {
					return true
				}
			}
			return c.clientKept(parent)
		case catalogue.ReuseTokenSource, catalogue.ReuseTokenSourceWithExpiry, catalogue.GoogleAPIWithTokenSource:
			return true
		}
		return false
	case *ast.ReturnStmt, *ast.CompositeLit, *ast.KeyValueExpr:
		return true
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) || kind != edge.AssignStmt_Rhs {
			return false
		}
		if v := c.defs.identVar(p.Lhs[idx]); v != nil {
			return c.keptVar(v, depth)
		}
		return true // a field, a package variable, a map element
	case *ast.ValueSpec:
		if len(p.Names) != len(p.Values) {
			return false
		}
		if v, ok := c.info.Defs[p.Names[idx]].(*types.Var); ok && !isPackageLevel(v) {
			return c.keptVar(v, depth)
		}
		return true
	}
	return false
}

func (c *checker) keptVar(v *types.Var, depth int) bool {
	for _, id := range c.usesOf(v) {
		if cur, ok := c.ins.Root().FindByPos(id.Pos(), id.End()); ok && c.kept(cur, depth+1) {
			return true
		}
	}
	return false
}

// useCursors returns the cursors of the identifiers that use the local variable v, or
// false when one cannot be found.
func (c *checker) useCursors(v *types.Var) ([]inspector.Cursor, bool) {
	var out []inspector.Cursor
	for _, id := range c.usesOf(v) {
		u, ok := c.ins.Root().FindByPos(id.Pos(), id.End())
		if !ok || u.Node() != id {
			return nil, false
		}
		out = append(out, u)
	}
	return out, true
}

// usesOf returns the identifiers that use the local variable v.
func (c *checker) usesOf(v *types.Var) []*ast.Ident {
	if c.uses == nil {
		c.uses = map[*types.Var][]*ast.Ident{}
		for id, obj := range c.info.Uses {
			if lv, ok := obj.(*types.Var); ok && !lv.IsField() {
				c.uses[lv] = append(c.uses[lv], id)
			}
		}
	}
	return c.uses[v]
}

// clientKept reports whether the *http.Client oauth2.NewClient makes at cur outlives the
// moment: anything but a one-off use, where the client is the receiver of a call at once
// (oauth2.NewClient(ctx, ts).Get(u)), or is held in a local variable whose every use is
// such a call in the same function, outside loops and function literals. A client handed
// to another function (github.NewClient(c), option.WithHTTPClient(c)), stored, returned
// or reassigned is kept.
func (c *checker) clientKept(cur inspector.Cursor) bool {
	parent, ok := paths.Up(cur)
	if !ok {
		return false
	}
	kind, idx := cur.ParentEdge()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr:
		return c.clientKept(parent)
	case *ast.SelectorExpr:
		return !methodCalled(parent)
	case *ast.ExprStmt:
		return false
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) || kind != edge.AssignStmt_Rhs {
			return true
		}
		if v := c.defs.identVar(p.Lhs[idx]); v != nil && p.Tok == token.DEFINE {
			return !c.usedAtOnce(v)
		}
		if id, ok := ast.Unparen(p.Lhs[idx]).(*ast.Ident); ok && id.Name == "_" {
			return false
		}
		return true
	case *ast.ValueSpec:
		if len(p.Names) != len(p.Values) {
			return true
		}
		if v, ok := c.info.Defs[p.Names[idx]].(*types.Var); ok && !isPackageLevel(v) {
			return !c.usedAtOnce(v)
		}
		return true
	}
	return true
}

// methodCalled reports whether the selector at cur is called at once: x.M(…).
func methodCalled(cur inspector.Cursor) bool {
	kind, _ := cur.ParentEdge()
	return kind == edge.CallExpr_Fun
}

// usedAtOnce reports whether every use of the local variable v is a method call on it,
// not repeated (see repeated).
func (c *checker) usedAtOnce(v *types.Var) bool {
	for _, id := range c.usesOf(v) {
		cur, ok := c.ins.Root().FindByPos(id.Pos(), id.End())
		if !ok || cur.Node() != id {
			return false
		}
		if kind, _ := cur.ParentEdge(); kind != edge.SelectorExpr_X || !methodCalled(cur.Parent()) || repeated(cur, v) {
			return false
		}
	}
	return true
}

// repeated reports whether the use of v at cur may run many times, or later, apart from
// v's declaration: it is inside a function literal, a go statement or a loop that does
// not also declare v.
func repeated(cur inspector.Cursor, v *types.Var) bool {
	for a := range cur.Enclosing() {
		if within(v.Pos(), a.Node()) {
			return false // the code that declares v
		}
		switch a.Node().(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

func within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }

// staticMessage says what a static source over the token described by desc does, by the
// grant the token came from: a refresh token goes unused; a client-credentials token is
// never fetched again; a copy of a TokenSource's token is never renewed by its source.
func staticMessage(what, desc string) string {
	switch {
	case strings.Contains(desc, "clientcredentials."):
		return what + ": the client-credentials grant gives no refresh token and this source never runs the grant again, so requests fail with 401 once the token expires; use the clientcredentials.Config's TokenSource(ctx) or Client(ctx), which fetch a new token when it expires"
	case strings.Contains(desc, "TokenSource.Token"):
		return what + ": this copy is never renewed, though the source it came from would renew it, so requests fail with 401 once the token expires; pass the source itself, or oauth2.ReuseTokenSource(tok, src)"
	}
	return what + ": the source hands out this token forever and never uses its refresh token, so requests fail with 401 once the access token expires; use Config.TokenSource(ctx, tok) or Config.Client(ctx, tok), which refresh it, or oauth2.ReuseTokenSource(tok, src) over a refreshing source"
}

// reauthorizesOn401 reports whether the package gets a new token when a response is 401
// Unauthorized: a branch on resp.StatusCode == http.StatusUnauthorized that fetches,
// refreshes or checks a token (see refreshes) and so re-runs authorization. Where it
// does, a token that expired costs one retry, not every request.
func (c *checker) reauthorizesOn401() bool {
	if c.reauth != nil {
		return *c.reauth
	}
	found := false
	for cur := range c.ins.Root().Preorder((*ast.IfStmt)(nil), (*ast.CaseClause)(nil)) {
		if found {
			break
		}
		var body []ast.Stmt
		switch n := cur.Node().(type) {
		case *ast.IfStmt:
			if !c.tests401(n.Cond) {
				continue
			}
			body = n.Body.List
		case *ast.CaseClause: // switch resp.StatusCode { case http.StatusUnauthorized: … }
			sw, ok := paths.Up(cur.Parent())
			s, isSwitch := sw.Node().(*ast.SwitchStmt)
			if !ok || !isSwitch || s.Tag == nil || !c.isStatusCode(s.Tag) || !slices.ContainsFunc(n.List, c.is401) {
				continue
			}
			body = n.Body
		}
		for _, st := range body {
			if c.any([]ast.Node{st}, func(n ast.Node) bool {
				if c.refreshes(n) {
					_, isSel := n.(*ast.SelectorExpr)
					return !isSel
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return false
				}
				callee := catalogue.Callee(c.info, call)
				return callee != nil && c.refreshers[callee.Origin()]
			}) {
				found = true
				break
			}
		}
	}
	c.reauth = &found
	return found
}

// tests401 reports whether a condition holds when an http.Response's StatusCode is 401:
// resp.StatusCode == http.StatusUnauthorized, alone or joined by ||.
func (c *checker) tests401(e ast.Expr) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LOR:
		return c.tests401(b.X) || c.tests401(b.Y)
	case token.EQL:
		return c.isStatusCode(b.X) && c.is401(b.Y) || c.isStatusCode(b.Y) && c.is401(b.X)
	}
	return false
}

func (c *checker) isStatusCode(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && c.field(sel) != nil && sel.Sel.Name == "StatusCode" && catalogue.HTTPResponse.Is(c.typeOf(sel.X))
}

func (c *checker) is401(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, ok := constant.Int64Val(tv.Value)
	return ok && v == 401
}

// freshForEachCall reports whether the static source at cur wraps a token obtained in
// the same function call (tok, err := src.Token()) and is returned, directly or in the
// client oauth2.NewClient makes of it, to callers in the package that each use it at
// once and drop it: a factory that hands out a fresh token per use.
func (c *checker) freshForEachCall(cur inspector.Cursor, tok ast.Expr) bool {
	fn, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok || !c.obtainedIn(tok, decl) {
		return false
	}
	ret, idx, ok := c.returnedAs(cur)
	if !ok {
		return false
	}
	f, _ := c.info.Defs[decl.Name].(*types.Func)
	if f == nil {
		return false
	}
	calls := c.callsOf(f.Origin())
	if len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		callCur, ok := c.ins.Root().FindNode(call)
		if !ok || !c.resultUsedAtOnce(callCur, idx, len(ret.Results)) {
			return false
		}
	}
	return true
}

// obtainedIn reports whether the token e is the result of a call made in decl.
func (c *checker) obtainedIn(e ast.Expr, decl *ast.FuncDecl) bool {
	if _, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return true
	}
	v := c.defs.identVar(e)
	if v == nil || len(c.defs.values[v]) == 0 {
		return false
	}
	for _, val := range c.defs.values[v] {
		if _, ok := ast.Unparen(val.expr).(*ast.CallExpr); !ok || val.decoded || !within(val.expr.Pos(), decl) {
			return false
		}
	}
	return true
}

// returnedAs finds the return statement that returns the source at cur, itself or as
// oauth2.NewClient's client, and its index among the results.
func (c *checker) returnedAs(cur inspector.Cursor) (*ast.ReturnStmt, int, bool) {
	for {
		parent, ok := paths.Up(cur)
		if !ok {
			return nil, 0, false
		}
		kind, idx := cur.ParentEdge()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
		case *ast.CallExpr:
			if kind != edge.CallExpr_Args || c.name(p) != catalogue.NewClient {
				return nil, 0, false
			}
		case *ast.ReturnStmt:
			return p, idx, true
		default:
			return nil, 0, false
		}
		cur = parent
	}
}

// resultUsedAtOnce reports whether a caller uses result idx of the call at cur at once:
// the receiver of a method call, or a local variable used only so (see usedAtOnce).
func (c *checker) resultUsedAtOnce(cur inspector.Cursor, idx, n int) bool {
	if n == 1 {
		return !c.clientKept(cur)
	}
	parent, ok := paths.Up(cur)
	if !ok {
		return false
	}
	as, ok := parent.Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) != n || as.Tok != token.DEFINE {
		return false
	}
	v := c.defs.identVar(as.Lhs[idx])
	return v != nil && c.usedAtOnce(v)
}
