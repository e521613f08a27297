package tokenexpiry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/paths"
)

var Analyzer = &analysis.Analyzer{
	Name:             "tokenexpiry",
	Doc:              doc,
	URL:              "https://github.com/oauthvet/oauthvet/blob/main/docs/checks/tokenexpiry.md",
	Requires:         []*analysis.Analyzer{config.Analyzer, inspect.Analyzer, paths.Analyzer},
	Run:              check.Run(run),
	RunDespiteErrors: true,
}

// Sub-rules, reported as the diagnostic's category.
const (
	staticRefreshable = "static-refreshable"
	noExpiry          = "no-expiry"
	unchecked         = "unchecked"
	skipCheck         = "skip-check"
	unverified        = "unverified"
	expOptional       = "exp-optional"
)

type checker struct {
	pass *check.Pass
	info *types.Info
	ins  *inspector.Inspector
	ends *paths.Ends
	defs *defs

	funcs map[*types.Func]inspector.Cursor // functions declared in the package

	newTokenSourceFuncs map[any]bool           // *ast.FuncLit or *types.Func given as go-sdk NewTokenSource
	refreshers          map[*types.Func]bool   // functions that check, refresh or fetch a token
	tokenResults        map[*types.Func]result // functions that return a refreshable token
	storedResults       map[*types.Func]result // functions that return a stored token unchecked
	staticParams        map[*types.Func]map[int]bool
	headerParams        map[*types.Func]map[int]bool
	expiryWrites        map[string]bool // paths whose Expiry, ExpiresAt or Expiration is assigned
	uses                map[*types.Var][]*ast.Ident

	reported map[token.Pos]bool
}

type result struct {
	index int
	desc  string
}

func run(pass *check.Pass) error {
	if !catalogue.ImportsAny(pass.Pkg, catalogue.TokenExpiryPkgs...) {
		return nil
	}
	c := &checker{
		pass:                pass,
		info:                pass.TypesInfo,
		ins:                 pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		ends:                pass.ResultOf[paths.Analyzer].(*paths.Ends),
		funcs:               map[*types.Func]inspector.Cursor{},
		newTokenSourceFuncs: map[any]bool{},
		refreshers:          map[*types.Func]bool{},
		tokenResults:        map[*types.Func]result{},
		storedResults:       map[*types.Func]result{},
		staticParams:        map[*types.Func]map[int]bool{},
		headerParams:        map[*types.Func]map[int]bool{},
		expiryWrites:        map[string]bool{},
		reported:            map[token.Pos]bool{},
	}
	c.defs = &defs{info: c.info, values: map[*types.Var][]value{}, params: map[*types.Var]paramOf{}}
	c.defs.collect(c.ins, pass.Files, c.isDecode)
	c.summarise()

	for _, file := range pass.Files {
		if pass.InTestCode(file) {
			continue
		}
		root, _ := c.ins.Root().FindNode(file)
		for cur := range root.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.call(cur, n)
			case *ast.CompositeLit:
				c.compositeLit(cur, n)
			case *ast.AssignStmt:
				c.assignStmt(cur, n)
			}
		}
	}
	return nil
}

func (c *checker) report(at ast.Node, category, msg string) {
	if c.reported[at.Pos()] {
		return
	}
	c.reported[at.Pos()] = true
	c.pass.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: category, Message: msg})
}

// field returns the field a selector or a composite-literal key names, or nil.
func (c *checker) field(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			v, _ := sel.Obj().(*types.Var)
			return v
		}
	case *ast.Ident:
		v, _ := c.info.Uses[e].(*types.Var)
		if v != nil && v.IsField() {
			return v
		}
	}
	return nil
}

// members holds the fields the check matches, parsed once; read-only afterwards, so
// packages may be analysed concurrently.
var members = func() map[string]config.Member {
	m := map[string]config.Member{}
	for _, name := range []string{
		catalogue.OAuth2TokenAccessToken, catalogue.OAuth2TokenRefreshToken, catalogue.OAuth2TokenExpiry,
		catalogue.OAuth2TokenExpiresIn, catalogue.MCPGoTokenAccessToken, catalogue.MCPGoTokenExpiresAt,
		catalogue.MCPGoTokenExpiresIn, catalogue.MCPGoTokenRefreshToken, catalogue.GoSDKTokenInfoExpiration, catalogue.GoSDKAllowMissingExpiration, catalogue.GoSDKNewTokenSource,
		catalogue.OIDCSkipExpiryCheck, catalogue.OIDCSkipIssuerCheck, catalogue.OIDCSkipClientIDCheck,
		catalogue.OIDCInsecureSkipSignatureCheck, catalogue.OIDCIDTokenExpiry, catalogue.OIDCIDTokenIssuer,
		catalogue.OIDCIDTokenAudience, catalogue.JWTv4SkipClaimsValidation, catalogue.JWTv5RegisteredClaimsExp,
	} {
		mem, err := config.ParseMember(name)
		if err != nil {
			panic(err)
		}
		m[name] = mem
	}
	return m
}()

// isField reports whether v is the field the catalogue names.
func isField(v *types.Var, name string) bool {
	m, ok := members[name]
	return ok && v != nil && catalogue.IsField(v, m)
}

func (c *checker) name(call *ast.CallExpr) string { return catalogue.FullName(c.info, call) }

// keys returns a composite literal's keyed fields.
func (c *checker) keys(lit *ast.CompositeLit) map[*types.Var]ast.Expr {
	out := map[*types.Var]ast.Expr{}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if v := c.field(kv.Key); v != nil {
				out[v] = kv.Value
			}
		}
	}
	return out
}

func (c *checker) keyed(keys map[*types.Var]ast.Expr, name string) (ast.Expr, bool) {
	for v, e := range keys {
		if isField(v, name) {
			return e, true
		}
	}
	return nil, false
}

// nonEmpty reports whether e may be a non-empty string: anything but the constant "".
func (c *checker) nonEmpty(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return !ok || tv.Value == nil || tv.Value.Kind() != constant.String || constant.StringVal(tv.Value) != ""
}

// fake reports whether a token literal's AccessToken and RefreshToken are both
// non-empty constant strings: a fake for tests or a demo mode, not a token that expires (a
// real token written in source is hardcodedsecret's finding).
func (c *checker) fake(keys map[*types.Var]ast.Expr) bool {
	n := 0
	for v, e := range keys {
		if isField(v, catalogue.OAuth2TokenAccessToken) || isField(v, catalogue.OAuth2TokenRefreshToken) ||
			isField(v, catalogue.MCPGoTokenAccessToken) || isField(v, catalogue.MCPGoTokenRefreshToken) {
			if tv, ok := c.info.Types[e]; !ok || tv.Value == nil || tv.Value.Kind() != constant.String || !c.nonEmpty(e) {
				return false
			}
			n++
		}
	}
	return n == 2
}

func (c *checker) isTrue(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

func (c *checker) typeOf(e ast.Expr) types.Type {
	if t := c.info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}

func isTokenType(t types.Type) bool {
	return catalogue.OAuth2Token.Is(t) || catalogue.MCPGoToken.Is(t)
}

// summarise computes what the package's own functions do with tokens, for helpers.
func (c *checker) summarise() {
	direct := map[*types.Func][]*types.Func{}
	for _, file := range c.pass.Files {
		root, _ := c.ins.Root().FindNode(file)
		for cur := range root.Preorder((*ast.FuncDecl)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				fn, _ := c.info.Defs[n.Name].(*types.Func)
				if fn == nil || n.Body == nil {
					continue
				}
				c.funcs[fn] = cur
				var callees []*types.Func
				ast.Inspect(n.Body, func(m ast.Node) bool {
					if c.refreshes(m) {
						c.refreshers[fn] = true
					}
					if call, ok := m.(*ast.CallExpr); ok {
						if callee := catalogue.Callee(c.info, call); callee != nil && callee.Pkg() == c.pass.Pkg {
							callees = append(callees, callee.Origin())
						}
					}
					return true
				})
				direct[fn] = callees
			case *ast.CompositeLit:
				if catalogue.GoSDKAuthorizationCodeConfig.Is(c.typeOf(n)) {
					if e, ok := c.keyed(c.keys(n), catalogue.GoSDKNewTokenSource); ok {
						c.markNewTokenSource(e)
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					v := c.field(lhs)
					switch {
					case isField(v, catalogue.OAuth2TokenExpiry), isField(v, catalogue.MCPGoTokenExpiresAt), isField(v, catalogue.GoSDKTokenInfoExpiration):
						if p, ok := path(c.info, lhs.(*ast.SelectorExpr).X); ok {
							c.expiryWrites[p] = true
						}
					case isField(v, catalogue.GoSDKNewTokenSource) && len(n.Rhs) == len(n.Lhs):
						c.markNewTokenSource(n.Rhs[i])
					}
				}
			}
		}
	}
	// A function that calls a refresher refreshes too.
	for changed := true; changed; {
		changed = false
		for fn, callees := range direct {
			if !c.refreshers[fn] && slices.ContainsFunc(callees, func(f *types.Func) bool { return c.refreshers[f] }) {
				c.refreshers[fn], changed = true, true
			}
		}
	}
	// Helpers that return a refreshable token, that wrap a parameter in a kept
	// StaticTokenSource, or that put a parameter into an Authorization header unchecked.
	for range 2 {
		for fn, decl := range c.funcs {
			c.summariseResults(fn, decl.Node().(*ast.FuncDecl))
		}
	}
	for range 2 {
		for fn, decl := range c.funcs {
			c.summariseStored(fn, decl)
		}
	}
	for fn, decl := range c.funcs {
		c.summariseParams(fn, decl)
	}
}

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

func (c *checker) summariseParams(fn *types.Func, decl inspector.Cursor) {
	for cur := range decl.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if c.name(call) == catalogue.StaticTokenSource && len(call.Args) == 1 {
			if p, ok := c.param(call.Args[0], fn); ok && c.kept(cur, 0) {
				if c.staticParams[fn] == nil {
					c.staticParams[fn] = map[int]bool{}
				}
				c.staticParams[fn][p] = true
			}
		}
		if tok, ok := c.headerToken(call); ok {
			if p, ok := c.param(tok, fn); ok {
				key, _ := path(c.info, tok)
				if !c.ends.Dominated(cur, c.checkOf([]string{key})) {
					if c.headerParams[fn] == nil {
						c.headerParams[fn] = map[int]bool{}
					}
					c.headerParams[fn][p] = true
				}
			}
		}
	}
}

// param returns the index of fn's parameter that e names, if it is never reassigned.
func (c *checker) param(e ast.Expr, fn *types.Func) (int, bool) {
	v := c.defs.identVar(e)
	if v == nil {
		return 0, false
	}
	p, ok := c.defs.params[v]
	if !ok || p.fn != fn || p.index < 0 || len(c.defs.values[v]) > 0 {
		return 0, false
	}
	return p.index, true
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	name := c.name(call)
	switch {
	case name == catalogue.StaticTokenSource && len(call.Args) == 1:
		if desc, ok := c.refreshable(call.Args[0], 0); ok && c.kept(cur, 0) {
			fix := "use Config.TokenSource(ctx, tok) or Config.Client(ctx, tok), or oauth2.ReuseTokenSource(tok, src) over a refreshing source"
			if strings.Contains(desc, "clientcredentials.") {
				fix = "use the clientcredentials.Config's TokenSource(ctx) or Client(ctx), which fetch a new token when it expires"
			}
			c.report(call, staticRefreshable, "oauth2.StaticTokenSource over "+desc+": it never refreshes, so every request fails once the token expires; "+fix)
		}
		return
	case c.isDecode(call):
		c.decode(cur, call)
	case slices.Contains(catalogue.MCPGoStaticHeaderFuncs, name) && len(call.Args) == 1:
		c.staticHeaders(call.Args[0], 0)
	}
	if tok, ok := c.headerToken(call); ok {
		c.headerUse(cur, call, tok, "")
	}
	if callee := catalogue.Callee(c.info, call); callee != nil && callee.Pkg() == c.pass.Pkg {
		callee = callee.Origin()
		for i := range c.staticParams[callee] {
			if i < len(call.Args) {
				if desc, ok := c.refreshable(call.Args[i], 0); ok {
					c.report(call, staticRefreshable, callee.Name()+" wraps "+desc+" in oauth2.StaticTokenSource, which never refreshes it, so requests fail once it expires; pass a refreshing source instead: Config.TokenSource(ctx, tok) or oauth2.ReuseTokenSource(tok, src)")
				}
			}
		}
		for i := range c.headerParams[callee] {
			if i < len(call.Args) {
				c.headerUse(cur, call, call.Args[i], callee.Name())
			}
		}
	}
	c.serverCall(cur, call, name)
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
				if desc, ok := c.refreshable(tok, 0); ok {
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
	if c.ends.Dominated(cur, c.checkOf(keys)) {
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

func (c *checker) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := c.typeOf(lit)
	switch {
	case catalogue.OAuth2Token.Is(t):
		c.oauth2TokenLit(cur, lit)
	case catalogue.MCPGoToken.Is(t):
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
	case catalogue.GoSDKTokenInfo.Is(t):
		keys := c.keys(lit)
		exp, ok := c.keyed(keys, catalogue.GoSDKTokenInfoExpiration)
		switch {
		case ok && c.fromNow(exp):
			c.report(exp, noExpiry, "auth.TokenInfo Expiration made from time.Now(): every token looks fresh, whatever its own exp; set Expiration from the token's exp claim (or the introspection response)")
		case !ok && !c.expirySetLater(cur):
			c.report(lit, noExpiry, "auth.TokenInfo without Expiration: RequireBearerToken rejects it, or with AllowMissingExpiration accepts the token forever; set Expiration from the token's exp claim")
		}
	default:
		c.serverLit(cur, lit)
	}
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
	if !hasExpiresIn && !(hasAT && hasRT) && !dropped || c.expirySetLater(cur) || c.staticArg(cur, lit) {
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

func (c *checker) assignStmt(cur inspector.Cursor, as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		v := c.field(lhs)
		if v == nil {
			continue
		}
		if isField(v, catalogue.GoSDKTokenInfoExpiration) && c.fromNow(as.Rhs[i]) {
			c.report(as.Rhs[i], noExpiry, "auth.TokenInfo Expiration made from time.Now(): every token looks fresh, whatever its own exp; set Expiration from the token's exp claim (or the introspection response)")
			continue
		}
		c.serverField(cur, v, as.Rhs[i], lhs)
	}
}
