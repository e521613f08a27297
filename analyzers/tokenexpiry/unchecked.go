package tokenexpiry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// unchecked: a stored token put into an Authorization header with no check of its expiry
// before it.

// refreshes reports whether n checks a token's validity or obtains a fresh token.
func (c *checker) refreshes(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		name := c.name(n)
		return name == catalogue.TokenValid || name == catalogue.MCPGoTokenIsExpired || slices.Contains(catalogue.RefreshableTokenFuncs, name)
	case *ast.SelectorExpr:
		v := c.field(n)
		return isField(v, catalogue.OAuth2TokenExpiry) || isField(v, catalogue.MCPGoTokenExpiresAt)
	}
	return false
}

// summariseStored records functions that return a token from long-lived state with no
// check before the return (a getter of a cached token).
func (c *checker) summariseStored(fn *types.Func, decl inspector.Cursor) {
	if _, done := c.storedResults[fn]; done {
		return
	}
	res := fn.Signature().Results()
	idx := -1
	for i := range res.Len() {
		if isTokenType(res.At(i).Type()) {
			idx = i
		}
	}
	if idx < 0 {
		return
	}
	for ret := range decl.Preorder((*ast.ReturnStmt)(nil)) {
		if f, ok := enclosingFunc(ret); !ok || f.Node() != decl.Node() {
			continue // a return of a function literal
		}
		rs := ret.Node().(*ast.ReturnStmt)
		if len(rs.Results) != res.Len() {
			continue
		}
		e := rs.Results[idx]
		desc, ok := c.stored(e, 0)
		if !ok {
			continue
		}
		key, _ := path(c.info, e)
		if !c.ends.Dominated(ret, c.checkOf([]string{key})) {
			c.storedResults[fn] = result{idx, desc + " (returned by " + fn.Name() + ")"}
			return
		}
	}
}

// headerToken returns the token whose AccessToken a call puts into an Authorization
// header: Header.Set/Add("Authorization", …tok.AccessToken…) or tok.SetAuthHeader(req).
func (c *checker) headerToken(call *ast.CallExpr) (ast.Expr, bool) {
	switch c.name(call) {
	case catalogue.TokenSetAuthHeader:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X, true
		}
	case catalogue.HeaderSet, catalogue.HeaderAdd:
		if len(call.Args) != 2 {
			return nil, false
		}
		tv := c.info.Types[call.Args[0]]
		if tv.Value == nil || tv.Value.Kind() != constant.String || !strings.EqualFold(constant.StringVal(tv.Value), "Authorization") {
			return nil, false
		}
		return c.accessTokenIn(call.Args[1], 0)
	}
	return nil, false
}

// accessTokenIn finds tok.AccessToken in an expression, following a local string variable.
func (c *checker) accessTokenIn(e ast.Expr, depth int) (ast.Expr, bool) {
	var tok ast.Expr
	ast.Inspect(e, func(n ast.Node) bool {
		if tok != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if v := c.field(n); isField(v, catalogue.OAuth2TokenAccessToken) || isField(v, catalogue.MCPGoTokenAccessToken) {
				tok = n.X
				return false
			}
		case *ast.Ident:
			if v := c.defs.identVar(n); v != nil && depth < 2 {
				if _, isParam := c.defs.params[v]; !isParam && len(c.defs.values[v]) == 1 && c.defs.values[v][0].index < 0 && !c.defs.values[v][0].decoded {
					tok, _ = c.accessTokenIn(c.defs.values[v][0].expr, depth+1)
				}
			}
		}
		return true
	})
	return tok, tok != nil
}

// headerUse reports a token from long-lived state put into an Authorization header at
// cur (directly, or by helper) with no check of its validity before it.
func (c *checker) headerUse(cur inspector.Cursor, call *ast.CallExpr, tok ast.Expr, helper string) {
	desc, ok := c.stored(tok, 0)
	if !ok {
		return
	}
	var keys []string // none for a getter's result: only a refresh call can check it
	if key, ok := path(c.info, tok); ok {
		keys = append(keys, key)
	} else if _, isCall := ast.Unparen(tok).(*ast.CallExpr); !isCall {
		return
	}
	if v := c.defs.identVar(tok); v != nil {
		for _, val := range c.defs.values[v] {
			if k, ok := path(c.info, val.expr); ok && val.index < 0 {
				keys = append(keys, k)
			}
		}
	}
	if c.ends.Dominated(cur, c.checkOf(keys)) || c.reauthorizesOn401() || c.refreshedCentrally(tok) {
		return
	}
	where := "into an Authorization header"
	if helper != "" {
		where = "into an Authorization header (in " + helper + ")"
	}
	c.report(call, unchecked, "the AccessToken of "+desc+" goes "+where+" with no Valid() or Expiry check before it: an expired token is sent and never refreshed; get the token from a TokenSource (tok, err := ts.Token(), from Config.TokenSource or oauth2.ReuseTokenSource) right before the request, or use Config.Client / oauth2.NewClient")
}

// stored reports whether tok is long-lived state: a struct field, a package variable, a
// map element, or a token decoded from a cache.
func (c *checker) stored(e ast.Expr, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		return c.stored(e.X, depth+1)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.stored(e.X, depth+1)
		}
	case *ast.SelectorExpr:
		if c.field(e) != nil && c.longLivedRoot(e.X, depth) {
			return "a token kept in field " + e.Sel.Name, true
		}
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok && isPackageLevel(v) {
			return "a token kept in package variable " + v.Name(), true
		}
	case *ast.IndexExpr:
		if _, ok := c.typeOf(e.X).Underlying().(*types.Map); ok {
			return "a token kept in a map", true
		}
	case *ast.CallExpr:
		return c.storedCall(e, 0)
	case *ast.TypeAssertExpr: // v.(*oauth2.Token), v loaded from a sync.Map
		return c.stored(e.X, depth+1)
	case *ast.Ident:
		obj, _ := c.info.Uses[e].(*types.Var)
		if obj != nil && isPackageLevel(obj) {
			return "a token kept in package variable " + obj.Name(), true
		}
		v := c.defs.identVar(e)
		if v == nil {
			return "", false
		}
		for _, val := range c.defs.values[v] {
			if val.decoded {
				if !c.fromResponseBody(val.expr.(*ast.CallExpr)) {
					return "a token decoded from a cache", true
				}
				continue
			}
			// x := a.tok, or x, ok := a.tokens[user], or x, err := a.cachedToken()
			call, isCall := ast.Unparen(val.expr).(*ast.CallExpr)
			if isCall && val.index >= 0 {
				if desc, ok := c.storedCall(call, val.index); ok {
					return desc, true
				}
				continue
			}
			if val.index < 0 || val.index == 0 {
				if desc, ok := c.stored(val.expr, depth+1); ok {
					return desc, true
				}
			}
		}
	}
	return "", false
}

// storedCall reports a call of a package function that returns a stored token unchecked.
func (c *checker) storedCall(call *ast.CallExpr, index int) (string, bool) {
	if callee := catalogue.Callee(c.info, call); callee != nil {
		if slices.Contains(catalogue.SyncMapLoads, callee.Origin().FullName()) && index <= 0 {
			return "a token kept in a sync.Map", true
		}
		if r, ok := c.storedResults[callee.Origin()]; ok && (r.index == index || index < 0 && r.index == 0) {
			return r.desc, true
		}
	}
	return "", false
}

// longLivedRoot reports whether the object whose field holds a token outlives the
// function: a method's receiver, a package variable, or a local that holds long-lived
// state. A field of a struct the function just built or received from a call is not.
func (c *checker) longLivedRoot(e ast.Expr, depth int) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if c.field(x) == nil {
				v, ok := c.info.Uses[x.Sel].(*types.Var)
				return ok && isPackageLevel(v)
			}
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.IndexExpr:
			_, isMap := c.typeOf(x.X).Underlying().(*types.Map)
			return isMap
		case *ast.Ident:
			obj, _ := c.info.Uses[x].(*types.Var)
			if obj == nil {
				return false
			}
			if isPackageLevel(obj) {
				return true
			}
			if p, ok := c.defs.params[obj]; ok {
				return p.index < 0 // the receiver
			}
			_, ok := c.stored(x, depth+1)
			return ok
		}
		return false
	}
}

// checkOf returns a predicate for nodes that check or renew the token at one of the paths.
func (c *checker) checkOf(keys []string) func(ast.Node) bool {
	match := func(e ast.Expr) bool {
		k, ok := path(c.info, e)
		return ok && slices.Contains(keys, k)
	}
	return func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			name := c.name(n)
			switch {
			case name == catalogue.TokenValid || name == catalogue.MCPGoTokenIsExpired:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					return match(sel.X)
				}
			case slices.Contains(catalogue.RefreshableTokenFuncs, name):
				return true
			}
			if callee := catalogue.Callee(c.info, n); callee != nil && c.refreshers[callee.Origin()] {
				return true
			}
		case *ast.SelectorExpr:
			if v := c.field(n); isField(v, catalogue.OAuth2TokenExpiry) || isField(v, catalogue.MCPGoTokenExpiresAt) {
				return match(n.X)
			}
		}
		return false
	}
}

// refreshedCentrally reports whether the storage the token at e is read from (a field,
// or a map or sync.Map held in one) is written by a periodic refresher of the package
// with a token just renewed (a TokenSource's Token(), or a helper of the package that
// refreshes and returns a token): the application refreshes and persists its tokens
// ahead of expiry in one place, and readers take what is kept there. A renewing write
// that only some paths call (an ensure() helper) is no such thing: the paths that skip it
// are reported.
func (c *checker) refreshedCentrally(e ast.Expr) bool {
	fields := map[*types.Var]bool{}
	c.storageFields(e, fields, 0)
	if len(fields) == 0 {
		return false
	}
	for cur := range c.ins.Root().Preorder((*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
					l = ix.X
				}
				if v := c.field(l); v != nil && fields[v] && c.renewed(n.Rhs[i], 0) && c.periodic(cur) {
					return true
				}
			}
		case *ast.CallExpr: // s.tokens.Store(user, tok)
			if c.name(n) != "(*sync.Map).Store" || len(n.Args) != 2 {
				continue
			}
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if v := c.field(sel.X); v != nil && fields[v] && c.renewed(n.Args[1], 0) && c.periodic(cur) {
					return true
				}
			}
		}
	}
	return false
}

// storageFields collects the fields a stored token is read from: s.tok, s.tokens[k], a
// sync.Map field's Load, or a local holding one of those.
func (c *checker) storageFields(e ast.Expr, out map[*types.Var]bool, depth int) {
	if depth > 3 {
		return
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		c.storageFields(e.X, out, depth+1)
	case *ast.UnaryExpr:
		c.storageFields(e.X, out, depth+1)
	case *ast.TypeAssertExpr:
		c.storageFields(e.X, out, depth+1)
	case *ast.IndexExpr:
		c.storageFields(e.X, out, depth+1)
	case *ast.SelectorExpr:
		if v := c.field(e); v != nil {
			out[v] = true
		}
	case *ast.CallExpr: // s.tokens.Load(user)
		if slices.Contains(catalogue.SyncMapLoads, c.name(e)) {
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				c.storageFields(sel.X, out, depth+1)
			}
		}
	case *ast.Ident:
		if v := c.defs.identVar(e); v != nil {
			for _, val := range c.defs.values[v] {
				if !val.decoded && val.index <= 0 {
					c.storageFields(val.expr, out, depth+1)
				}
			}
		}
	}
}

// renewed reports whether e is a token just renewed: the result of a TokenSource's
// Token() or of a function of the package that refreshes and returns a token.
func (c *checker) renewed(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if c.name(e) == catalogue.TokenSourceToken {
			return true
		}
		callee := catalogue.Callee(c.info, e)
		return callee != nil && callee.Pkg() == c.pass.Pkg && c.refreshers[callee.Origin()] && returnsToken(callee)
	case *ast.UnaryExpr:
		return c.renewed(e.X, depth+1)
	case *ast.StarExpr:
		return c.renewed(e.X, depth+1)
	case *ast.Ident:
		v := c.defs.identVar(e)
		if v == nil {
			return false
		}
		for _, val := range c.defs.values[v] {
			if val.index <= 0 && !val.decoded && c.renewed(val.expr, depth+1) {
				return true
			}
		}
	}
	return false
}

func returnsToken(fn *types.Func) bool {
	res := fn.Signature().Results()
	for i := range res.Len() {
		if isTokenType(res.At(i).Type()) {
			return true
		}
	}
	return false
}

// periodic reports whether cur runs in a loop paced by a timer: a for or range loop
// that ranges over a time.Ticker's channel or calls time.Sleep, time.After, time.Tick or
// time.NewTicker.
func (c *checker) periodic(cur inspector.Cursor) bool {
	for loop := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if c.any([]ast.Node{loop.Node()}, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				return slices.Contains(catalogue.TimerFuncs, c.name(n))
			case *ast.SelectorExpr:
				v := c.field(n)
				return v != nil && v.Name() == "C" && v.Pkg() != nil && v.Pkg().Path() == catalogue.TimePkg
			}
			return false
		}) {
			return true
		}
	}
	return false
}
