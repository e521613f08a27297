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
	"github.com/oauthvet/oauthvet/analyzers/internal/paths"
)

// unverified: claims of a token read without verifying its signature.

// unverifiedParse reports an unverified parse whose claims decide access, unless the same
// raw token is verified on every path that accepts it (then the unverified claims only
// choose a key or an issuer) or elsewhere in the package, or the token is the program's
// own (from its token endpoint, its configuration): that decides no caller's access. An
// exported function that only returns the claims of its parameter's token decides what
// its callers in the package decide; other packages' calls are not judged: on real code
// (pocketbase's security.ParseUnverifiedJWT) such callers read claims of tokens verified
// elsewhere, by a middleware or through an interface.
func (c *checker) unverifiedParse(cur inspector.Cursor, call *ast.CallExpr, msg string) {
	parse := c.parseOf(cur, call)
	raw := c.rawToken(parse.Node().(*ast.CallExpr))
	var api *types.Func
	if raw == nil {
		if c.callsAny(c.scope(cur), catalogue.VerifyingParseFuncs, parse.Node()) {
			return
		}
	} else if c.verifiedOnAcceptingPaths(parse, raw) || c.tokenOrigin(raw) == originOwn || c.verifiedElsewhere(parse, raw) {
		return
	} else {
		api = c.apiFunc(parse, raw)
	}
	how, ok := c.decision(parse, true, 0, api != nil)
	if !ok {
		return
	}
	check, fix, _ := strings.Cut(msg, ": ")
	c.report(call, unverified, check+", and the claims are "+how+": anyone can forge them; "+fix)
}

// parseOf returns the parse call an option is given to (jwt.Parse(b, jwt.WithVerify(false))),
// or the call itself.
func (c *checker) parseOf(cur inspector.Cursor, call *ast.CallExpr) inspector.Cursor {
	if name := c.name(call); name == catalogue.JWXWithVerify || name == catalogue.JWXWithValidate || name == catalogue.JWTv5WithoutClaimsValidation {
		if p, ok := paths.Up(cur); ok {
			if _, ok := p.Node().(*ast.CallExpr); ok {
				return p
			}
		}
	}
	return cur
}

// rawToken returns the raw token a parse reads: its first argument, or for go-jose's
// UnsafeClaimsWithoutVerification the token ParseSigned was given.
func (c *checker) rawToken(call *ast.CallExpr) ast.Expr {
	if c.name(call) == catalogue.GoJoseUnsafeClaims {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X // its origin is ParseSigned's argument's (see RawTokenParseFuncs)
		}
		return nil
	}
	if len(call.Args) == 0 {
		return nil
	}
	return call.Args[0]
}

// decidesAccess reports whether the result of a parse decides access: the token or its
// claims (or values computed from them) are returned as the caller's identity, compared
// in a condition, used as a key to look data up, or put into a context. Printing or
// logging them decides nothing, and neither does a test that a claim is present or a
// look at its expiry (a client deciding when to refresh its own token).
func (c *checker) decidesAccess(parse inspector.Cursor) (string, bool) {
	return c.decision(parse, true, 0, false)
}

// decision reports whether the results of the call at cur decide access in its function
// (for the parse itself, with the claims argument it fills). Claims returned by a
// function with callers in the package decide what those callers decide with them; the
// parse's own function returning them with none there (an API) decides access.
//
// For an API (an exported function handing out its parameter's claims), returning them
// decides only what the package's own callers decide.
func (c *checker) decision(cur inspector.Cursor, isParse bool, depth int, api bool) (string, bool) {
	if depth > 4 {
		return "", false
	}
	var objs []types.Object
	var fnNode ast.Node
	for p, ok := cur, true; ok && fnNode == nil; p, ok = paths.Up(p) {
		switch n := p.Node().(type) {
		case *ast.ReturnStmt:
			return c.returned(p, depth, api) // return jwt.ParseInsecure(b)
		case *ast.AssignStmt:
			if objs == nil {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if obj := c.objOf(id); obj != nil {
							objs = append(objs, obj)
						}
					}
				}
			}
		case *ast.FuncLit, *ast.FuncDecl:
			fnNode = n
		}
	}
	pc := cur.Node().(*ast.CallExpr)
	args := pc.Args
	if !isParse {
		args = nil
	} else if slices.Contains(catalogue.ClaimsArgParseFuncs, c.name(pc)) {
		args = args[min(1, len(args)):min(2, len(args))]
	} else if c.name(pc) != catalogue.GoJoseUnsafeClaims {
		args = nil
	}
	for _, a := range args {
		if v := c.defs.localVar(a); v != nil {
			objs = append(objs, v)
		}
	}
	if fnNode == nil || len(objs) == 0 {
		return "", false
	}
	uses := func(e ast.Node) bool { return c.mentions(e, objs) }
	// Values computed from the claims carry them (sub, _ := claims.GetSubject()), but not
	// the ok of a comma-ok lookup (_, ok := claims["sub"]): that only says it is there.
	for range 2 {
		ast.Inspect(fnNode, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || !slices.ContainsFunc(as.Rhs, func(e ast.Expr) bool { return uses(e) }) {
				return true
			}
			for i, l := range as.Lhs {
				if i == 1 && commaOK(as) {
					continue
				}
				if id, ok := l.(*ast.Ident); ok {
					if obj := c.objOf(id); obj != nil && !slices.Contains(objs, obj) {
						objs = append(objs, obj)
					}
				}
			}
			return true
		})
	}
	named := c.namedResults(fnNode)
	decides, how := false, ""
	ast.Inspect(fnNode, func(n ast.Node) bool {
		if decides {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return n == fnNode // a key function's return picks a key
		case *ast.ReturnStmt:
			if slices.ContainsFunc(n.Results, func(e ast.Expr) bool { return uses(e) && !c.expiryResult(e) }) ||
				len(n.Results) == 0 && slices.ContainsFunc(named, func(o types.Object) bool { return slices.Contains(objs, o) }) {
				if ret, ok := c.ins.Root().FindNode(n); ok {
					how, decides = c.returned(ret, depth, api)
				}
			}
		case *ast.IfStmt:
			decides, how = c.comparesClaims(n.Cond, objs), "compared in a condition"
		case *ast.ForStmt:
			decides, how = n.Cond != nil && c.comparesClaims(n.Cond, objs), "compared in a condition"
		case *ast.SwitchStmt:
			decides, how = n.Tag != nil && uses(n.Tag) && !c.aboutExpiry(n.Tag), "compared in a switch"
			if n.Tag == nil {
				for _, cc := range n.Body.List {
					for _, e := range cc.(*ast.CaseClause).List {
						decides = decides || c.comparesClaims(e, objs)
					}
				}
			}
		case *ast.CallExpr:
			decides, how = c.name(n) == catalogue.ContextWithValue && len(n.Args) == 3 && uses(n.Args[2]), "put into the request's context"
		case *ast.IndexExpr: // notes[sub]: the claimed identity picks whose data is served
			decides, how = uses(n.Index) && !c.aboutExpiry(n.Index), "used as a key to look data up"
		}
		return !decides
	})
	return how, decides
}

// expiryResult reports whether a returned value only tells the token's expiry: a bool or
// a time computed from the exp claim (a client asking whether to refresh its own token).
func (c *checker) expiryResult(e ast.Expr) bool {
	t := c.info.TypeOf(e)
	if t == nil || !c.aboutExpiry(e) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		return true
	}
	return slices.ContainsFunc(catalogue.ExpiryTypes, func(tn catalogue.TypeName) bool { return tn.Is(t) })
}

// returned says whether claims returned at ret decide access: in the parse's own function
// with no callers in the package, or exported, they do (an API that hands out unverified
// claims as if verified); otherwise they decide what the package's callers decide with
// them. Claims passed up past the parse's function to where nothing in the package
// calls are data handed on, not a decision seen here.
const returnedHow = "returned as if verified"

func (c *checker) returned(ret inspector.Cursor, depth int, api bool) (string, bool) {
	const how = returnedHow
	fn, ok := enclosingFunc(ret)
	if !ok {
		return "", false
	}
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return how, depth == 0
	}
	f, _ := c.info.Defs[decl.Name].(*types.Func)
	if f == nil {
		return how, depth == 0
	}
	calls := c.callsOf(f.Origin())
	if depth == 0 && api && f.Exported() {
		// an API: the package's callers decide here, other packages' where they call it
	} else if len(calls) == 0 || depth == 0 && f.Exported() {
		return how, depth == 0
	}
	for _, call := range calls {
		if cur, ok := c.ins.Root().FindNode(call); ok {
			if how, ok := c.decision(cur, false, depth+1, false); ok {
				return how, true
			}
		}
	}
	return "", false
}

// namedResults returns the named results of a function, which a bare return returns.
func (c *checker) namedResults(fn ast.Node) []types.Object {
	ft := funcType(fn)
	var out []types.Object
	if ft != nil && ft.Results != nil {
		for _, f := range ft.Results.List {
			for _, id := range f.Names {
				if obj := c.info.Defs[id]; obj != nil {
					out = append(out, obj)
				}
			}
		}
	}
	return out
}

func commaOK(as *ast.AssignStmt) bool {
	if len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return false
	}
	switch ast.Unparen(as.Rhs[0]).(type) {
	case *ast.IndexExpr, *ast.TypeAssertExpr:
		return true
	}
	return false
}

// mentions reports whether e uses one of the objects.
func (c *checker) mentions(e ast.Node, objs []types.Object) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && slices.Contains(objs, c.objOf(id)) {
			found = true
		}
		return !found
	})
	return found
}

// comparesClaims reports whether a condition compares a claim's value: claims.Subject ==
// user, slices.Contains(claims.Groups, "admin"), a bool computed from the claims. Tests
// that a claim is there (x != nil, x != "", len(x) > 0) and looks at the expiry are not
// access decisions.
func (c *checker) comparesClaims(cond ast.Expr, objs []types.Object) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		return c.comparesClaims(e.X, objs)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			return c.comparesClaims(e.X, objs) || c.comparesClaims(e.Y, objs)
		case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
			x, y := e.X, e.Y
			if !c.mentions(x, objs) {
				x, y = y, x
			}
			if !c.mentions(x, objs) || c.aboutExpiry(x) || c.emptyValue(y) || c.isLen(x) {
				return false
			}
			return true
		}
		return false
	case *ast.Ident:
		return c.mentions(e, objs) // isAdmin := claims.Role == "admin"
	case *ast.CallExpr:
		if c.aboutExpiry(e) || c.isLen(e) {
			return false
		}
		return slices.ContainsFunc(e.Args, func(a ast.Expr) bool { return c.mentions(a, objs) }) ||
			c.mentions(e.Fun, objs)
	}
	return false
}

// emptyValue reports whether e is nil, "" or 0: the other side of a presence test.
func (c *checker) emptyValue(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	if tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) == 0
	}
	return false
}

func (c *checker) isLen(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := c.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "len"
}

// aboutExpiry reports whether e reads a token's expiry: an exp claim, a time.Time, or a
// golang-jwt NumericDate.
func (c *checker) aboutExpiry(e ast.Expr) bool {
	return c.any([]ast.Node{e}, func(n ast.Node) bool {
		switch n := n.(type) {
		case ast.Expr:
			if t := c.info.TypeOf(n); t != nil && slices.ContainsFunc(catalogue.ExpiryTypes, func(tn catalogue.TypeName) bool { return tn.Is(t) }) {
				return true
			}
			if v := c.field(n); v != nil && slices.ContainsFunc(catalogue.ExpClaimFields, func(f string) bool { return isField(v, f) }) {
				return true
			}
			if s, ok := catalogue.StringConst(c.info, n); ok && s == "exp" {
				return true
			}
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

// verifiedElsewhere reports whether the package verifies the same raw token with a
// verifying parse (VerifyingParseFuncs) in another function: the unverified parse peeks at the
// issuer to find its keys, and the token kept beside the claims (a field of the result)
// is verified later. The same token is the same variable, parameter (through the
// package's callers) or field.
func (c *checker) verifiedElsewhere(parseCur inspector.Cursor, raw ast.Expr) bool {
	fn, ok := enclosingFunc(parseCur)
	if !ok {
		return false
	}
	keys := map[types.Object]bool{}
	c.tokenKeys(raw, keys, 0)
	if len(keys) == 0 {
		return false
	}
	// Fields the token is stored into are the token too: ParsedJWT{jwt: raw}.
	for cur := range c.ins.Root().Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.KeyValueExpr:
			if v := c.field(n.Key); v != nil && c.holdsKey(n.Value, keys) {
				keys[v] = true
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if v := c.field(l); v != nil && len(n.Lhs) == len(n.Rhs) && c.holdsKey(n.Rhs[i], keys) {
					keys[v] = true
				}
			}
		}
	}
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if within(call.Pos(), fn.Node()) || !slices.Contains(catalogue.VerifyingParseFuncs, c.name(call)) {
			continue // the parse's own function: see verifiedOnAcceptingPaths
		}
		arg := c.verifiedToken(call)
		if arg == nil {
			continue
		}
		verified := map[types.Object]bool{}
		c.tokenKeys(arg, verified, 0)
		for k := range verified {
			if keys[k] {
				return true
			}
		}
	}
	return false
}

// holdsKey reports whether e is (a conversion or dereference of) one of the keys.
func (c *checker) holdsKey(e ast.Expr, keys map[types.Object]bool) bool {
	got := map[types.Object]bool{}
	c.tokenKeys(e, got, 2)
	for k := range got {
		if keys[k] {
			return true
		}
	}
	return false
}

// tokenKeys collects the variables, parameters and fields a raw token expression reads,
// following local values and, for parameters, the package's callers.
func (c *checker) tokenKeys(e ast.Expr, keys map[types.Object]bool, depth int) {
	if e == nil || depth > 3 {
		return
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		c.tokenKeys(e.X, keys, depth)
	case *ast.UnaryExpr:
		c.tokenKeys(e.X, keys, depth)
	case *ast.CallExpr:
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			c.tokenKeys(e.Args[0], keys, depth) // []byte(raw)
		} else if fn := catalogue.Callee(c.info, e); fn != nil && len(e.Args) > 0 && (slices.Contains(catalogue.RawTokenParseFuncs, c.name(e)) ||
			fn.Pkg() != nil && slices.Contains(catalogue.StringFuncPkgs, fn.Pkg().Path())) {
			c.tokenKeys(e.Args[0], keys, depth+1) // jwt.ParseSigned(raw, algs), strings.TrimPrefix(h, "Bearer ")
		}
	case *ast.SelectorExpr:
		if v := c.field(e); v != nil {
			keys[v] = true
		}
	case *ast.Ident:
		v := c.defs.identVar(e)
		if v == nil || keys[v] {
			return
		}
		keys[v] = true
		for _, val := range c.defs.values[v] {
			if val.index <= 0 && !val.decoded {
				c.tokenKeys(val.expr, keys, depth+1)
			}
		}
		if p, ok := c.defs.params[v]; ok && p.fn != nil && p.index >= 0 {
			for _, call := range c.callsOf(p.fn) {
				if p.index < len(call.Args) {
					c.tokenKeys(call.Args[p.index], keys, depth+1)
				}
			}
		}
	}
}

// verifiedOnAcceptingPaths reports whether the raw token of the unverified parse at
// parse is verified (a verifying parse of the same token, or a helper of the package
// that verifies its parameter) on every path that accepts it: each return after the parse
// that is not an error return holds the verification or comes after one on every path to
// it. In a key function given to a verifying parse the peek picks the key. A function
// that returns no error (a middleware) needs a verification after the parse.
func (c *checker) verifiedOnAcceptingPaths(parse inspector.Cursor, raw ast.Expr) bool {
	pc := parse.Node().(*ast.CallExpr)
	keys := map[types.Object]bool{}
	c.tokenKeys(raw, keys, 0)
	if len(keys) == 0 {
		return false
	}
	isVerify := func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call == pc {
			return false
		}
		arg := c.verifiedToken(call)
		if arg == nil {
			return false
		}
		got := map[types.Object]bool{}
		c.tokenKeys(arg, got, 0)
		for k := range got {
			if keys[k] {
				return true
			}
		}
		return false
	}
	fn, ok := enclosingFunc(parse)
	if !ok {
		return false
	}
	if _, ok := fn.Node().(*ast.FuncLit); ok {
		if p, ok := paths.Up(fn); ok {
			if call, ok := p.Node().(*ast.CallExpr); ok && c.verifiedToken(call) != nil {
				return true // jwt.Parse(raw, func(t *jwt.Token) (any, error) { … peek … })
			}
		}
	}
	returnsError := c.returnsError(fn.Node())
	accepting := 0
	for ret := range fn.Preorder((*ast.ReturnStmt)(nil)) {
		if f, _ := enclosingFunc(ret); f.Node() != fn.Node() || ret.Node().Pos() < pc.End() {
			continue
		}
		rs := ret.Node().(*ast.ReturnStmt)
		if returnsError && len(rs.Results) > 1 && !c.info.Types[rs.Results[len(rs.Results)-1]].IsNil() {
			continue // return nil, err
		}
		accepting++
		if !c.any([]ast.Node{rs}, isVerify) && !c.ends.Dominated(ret, isVerify) {
			return false
		}
	}
	if accepting > 0 {
		return true
	}
	return c.any([]ast.Node{fn.Node()}, func(n ast.Node) bool { return n.Pos() > pc.End() && isVerify(n) })
}

func (c *checker) returnsError(fn ast.Node) bool {
	ft := funcType(fn)
	if ft == nil || ft.Results == nil || len(ft.Results.List) == 0 {
		return false
	}
	last := ft.Results.List[len(ft.Results.List)-1]
	return types.Identical(c.info.TypeOf(last.Type), types.Universe.Lookup("error").Type())
}

// verifiedToken returns the token a verifying call checks: a verifying parse's token
// (IDTokenVerifier.Verify's second argument, go-jose Claims' receiver, the first argument
// otherwise), or the argument a helper of the package verifies.
func (c *checker) verifiedToken(call *ast.CallExpr) ast.Expr {
	name := c.name(call)
	switch {
	case name == catalogue.OIDCVerify:
		if len(call.Args) > 1 {
			return call.Args[1]
		}
	case name == catalogue.GoJoseClaims:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X
		}
	case slices.Contains(catalogue.VerifyingParseFuncs, name):
		if len(call.Args) > 0 {
			return call.Args[0]
		}
	default:
		if callee := catalogue.Callee(c.info, call); callee != nil && callee.Pkg() == c.pass.Pkg {
			if i, ok := c.verifiesParam(callee.Origin(), 0); ok && i < len(call.Args) {
				return call.Args[i]
			}
		}
	}
	return nil
}

// verifiesParam returns the parameter of fn (a function of the package) whose token fn
// verifies, itself or through another such helper.
func (c *checker) verifiesParam(fn *types.Func, depth int) (int, bool) {
	decl, ok := c.funcs[fn]
	if !ok || depth > 2 {
		return 0, false
	}
	idx, found := 0, false
	ast.Inspect(decl.Node(), func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		var arg ast.Expr
		if slices.Contains(catalogue.VerifyingParseFuncs, c.name(call)) {
			arg = c.verifiedToken(call)
		} else if callee := catalogue.Callee(c.info, call); callee != nil && callee.Pkg() == c.pass.Pkg && callee.Origin() != fn {
			if i, ok := c.verifiesParam(callee.Origin(), depth+1); ok && i < len(call.Args) {
				arg = call.Args[i]
			}
		}
		if arg == nil {
			return true
		}
		keys := map[types.Object]bool{}
		c.tokenKeys(arg, keys, 0)
		for k := range keys {
			if v, ok := k.(*types.Var); ok {
				if p, ok := c.defs.params[v]; ok && p.fn == fn && p.index >= 0 {
					idx, found = p.index, true
				}
			}
		}
		return !found
	})
	return idx, found
}

// fieldOfParam reports whether field is read in f's body (around cur) from a parameter of f:
// params.Token.
func (c *checker) fieldOfParam(cur inspector.Cursor, field *types.Var, f *types.Func) bool {
	fn, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(fn.Node(), func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || found || c.field(sel) != field {
			return !found
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok {
				if p, ok := c.defs.params[v]; ok && p.fn == f && p.index >= 0 {
					found = true
				}
			}
		}
		return !found
	})
	return found
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
		if v, ok := k.(*types.Var); ok && v.IsField() && c.fieldOfParam(cur, v, f) {
			return f // the token in a field of a parameter: Decode(ctx, &DecodeParams{Token: raw}) (clerk's API)
		}
		if v, ok := k.(*types.Var); ok {
			if p, ok := c.defs.params[v]; ok && p.fn == f && p.index >= 0 {
				return f
			}
		}
	}
	return nil
}
