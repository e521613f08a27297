package tokenexpiry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
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
	calls               map[*types.Func][]*ast.CallExpr // the package's calls of its own functions, by callee

	reauth *bool // the package re-runs authorization on a 401 (reauthorizesOn401), once known

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

func (c *checker) report(at ast.Node, category, msg string, fixes ...analysis.SuggestedFix) {
	if c.reported[at.Pos()] {
		return
	}
	c.reported[at.Pos()] = true
	c.pass.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: category, Message: msg, SuggestedFixes: fixes})
}

// removeArg is the fix that drops the option call from the argument list or slice literal
// it is written in; none where it is stored in a variable first.
func removeArg(cur inspector.Cursor, call *ast.CallExpr, message string) []analysis.SuggestedFix {
	switch p := cur.Parent().Node().(type) {
	case *ast.CallExpr:
		if i := slices.Index(p.Args, ast.Expr(call)); i >= 0 && !p.Ellipsis.IsValid() {
			return check.RemoveFix(p.Args, i, p.Rparen, message)
		}
	case *ast.CompositeLit:
		if i := slices.Index(p.Elts, ast.Expr(call)); i >= 0 {
			return check.RemoveFix(p.Elts, i, p.Rbrace, message)
		}
	}
	return nil
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
	add := func(name string) {
		mem, err := config.ParseMember(name)
		if err != nil {
			panic(err)
		}
		m[name] = mem
	}
	for _, name := range []string{
		catalogue.OAuth2TokenAccessToken, catalogue.OAuth2TokenRefreshToken, catalogue.OAuth2TokenExpiry,
		catalogue.OAuth2TokenExpiresIn, catalogue.MCPGoTokenAccessToken, catalogue.MCPGoTokenExpiresAt,
		catalogue.MCPGoTokenExpiresIn, catalogue.MCPGoTokenRefreshToken, catalogue.GoSDKTokenInfoExpiration, catalogue.GoSDKAllowMissingExpiration, catalogue.GoSDKNewTokenSource,
		catalogue.OIDCSkipExpiryCheck, catalogue.OIDCSkipIssuerCheck, catalogue.OIDCSkipClientIDCheck,
		catalogue.OIDCInsecureSkipSignatureCheck, catalogue.OIDCIDTokenExpiry, catalogue.OIDCIDTokenIssuer,
		catalogue.OIDCIDTokenAudience, catalogue.JWTv4SkipClaimsValidation, catalogue.JWTv5RegisteredClaimsExp,
	} {
		add(name)
	}
	for _, name := range catalogue.ExpClaimFields {
		add(name)
	}
	return m
}()

// isField reports whether v is the field the catalogue names.
func isField(v *types.Var, name string) bool {
	m, ok := members[name]
	return ok && v != nil && catalogue.IsField(v, m)
}

// name is the callee's FullName; go-jose v3 and v2 and jwx v2 are named as their
// catalogue versions (catalogue.EarlierMajors).
func (c *checker) name(call *ast.CallExpr) string { return catalogue.TokenExpiryName(c.info, call) }

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
		if desc, ok := c.refreshable(call.Args[0], 0); ok && c.kept(cur, 0) && !c.reauthorizesOn401() && !c.freshForEachCall(cur, call.Args[0]) {
			c.report(call, staticRefreshable, staticMessage("oauth2.StaticTokenSource over "+desc, desc))
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
				if desc, ok := c.refreshable(call.Args[i], 0); ok && !c.reauthorizesOn401() {
					c.report(call, staticRefreshable, staticMessage(callee.Name()+" wraps "+desc+" in oauth2.StaticTokenSource", desc))
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

func (c *checker) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := c.typeOf(lit)
	switch {
	case catalogue.OAuth2Token.Is(t):
		c.oauth2TokenLit(cur, lit)
	case catalogue.MCPGoToken.Is(t):
		c.mcpTokenLit(cur, lit)
	case catalogue.GoSDKTokenInfo.Is(t):
		c.tokenInfoLit(cur, lit)
	default:
		c.serverLit(cur, lit)
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
			if fn, ok := enclosingFunc(cur); !ok || !c.checksWithIssuer(fn.Node(), 0) {
				c.report(as.Rhs[i], noExpiry, tokenInfoFromNow)
			}
			continue
		}
		c.serverField(cur, v, as.Rhs[i], lhs, nil)
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
		if !c.callsAny(c.scope(cur), []string{catalogue.JWTv5ValidatorValidate}, call) && c.decidesAccessWith(cur) {
			c.report(call, skipCheck, "jwt.WithoutClaimsValidation(): exp, nbf and iat are not checked, so expired tokens are accepted; drop the option (and add jwt.WithExpirationRequired())",
				removeArg(cur, call, "Remove jwt.WithoutClaimsValidation()")...)
		}
	case catalogue.JWTv4WithoutClaimsValidation:
		if !c.decidesAccessWith(cur) {
			return
		}
		c.report(call, skipCheck, "jwt.WithoutClaimsValidation(): exp, nbf and iat are not checked, so expired tokens are accepted; drop the option",
			removeArg(cur, call, "Remove jwt.WithoutClaimsValidation()")...)
	case catalogue.JWTv5ParseUnverified, catalogue.JWTv4ParseUnverified:
		c.unverifiedParse(cur, call, "jwt.Parser.ParseUnverified checks no signature: use jwt.ParseWithClaims(raw, &claims, keyFunc, jwt.WithValidMethods(...), jwt.WithExpirationRequired())")
	case catalogue.GoJoseUnsafeClaims:
		c.unverifiedParse(cur, call, "UnsafeClaimsWithoutVerification checks no signature: use tok.Claims(key, &claims) and then claims.Validate(jwt.Expected{...})")
	case catalogue.JWXParseInsecure:
		c.unverifiedParse(cur, call, "jwt.ParseInsecure checks neither signature nor expiry: use jwt.Parse(b, jwt.WithKey(alg, key)) (or WithKeySet)")
	case catalogue.JWXWithVerify:
		if len(call.Args) == 1 && c.isFalse(call.Args[0]) {
			c.unverifiedParse(cur, call, "jwt.WithVerify(false) checks no signature: drop it and pass jwt.WithKey(alg, key) or jwt.WithKeySet(set)")
		}
	case catalogue.JWXWithValidate:
		if len(call.Args) == 1 && c.isFalse(call.Args[0]) && !c.callsAny(c.scope(cur), []string{catalogue.JWXValidate}, call) && c.decidesAccessWith(cur) {
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
